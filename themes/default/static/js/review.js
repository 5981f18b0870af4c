// The candidate's review: the entry module. Reads the invite, asks the API for the session,
// shows its state, and wires the diff, comments, drafts and the final submission together.
import { $, el, announce } from './dom.js';
import { Api } from './api.js';
import { takeToken, tokenFromPaste, forgetToken } from './invite.js';
import { Draft } from './draft.js';
import { DraftSync } from './sync.js';
import { Comments } from './comments.js';
import { applyTheme, currentView, enhanceFiles, enhanceTree, nextTheme, setView } from './diffview.js';
import { installKeys, showHelp } from './keys.js';
import { openSubmitDialog, submitReview } from './submit.js';

const body = document.body;
const ui = { editable: true, state: 'preview', offset: 0, deadline: null, startedAt: null };
let api = null;
let draft = null;
let sync = null;
let comments = null;

const STATE_PAGES = {
  invalid_token: ['This invite link is not valid', 'Check that you opened the whole link from your invitation, or paste it below.'],
  invite_not_found: ['This invite link is not valid', 'It may have been replaced by a newer link. Open the most recent link from your invitation, or paste it below.'],
  invite_expired: ['This invite has expired', 'The time to start this review has passed. Ask your contact for a new invitation.'],
  invite_revoked: ['This invite was withdrawn', 'Your contact withdrew this invitation. Anything you wrote is still on this device.'],
  other_scenario: ['This invite is for another pull request', 'The link you used belongs to a different review. Open the link from your invitation exactly as you received it.'],
  unknown: ['Something went wrong', 'The server answered in a way this page does not understand. Your draft is kept on this device; try again later.'],
};

function setState(text, kind = 'info') {
  const state = $('#rr-state');
  state.textContent = text;
  state.dataset.kind = kind;
}

function setSave(kind, text) {
  const out = $('#rr-save');
  out.textContent = text;
  out.dataset.kind = kind;
}

function notice(title, text, { kind = 'info', extra = [] } = {}) {
  const box = $('#rr-notice');
  box.replaceChildren(el('section', { class: `rr-page rr-page-${kind}`, 'aria-labelledby': 'rr-page-title' },
    el('h2', { id: 'rr-page-title' }, title), el('p', {}, text), ...extra));
  box.hidden = false;
}

function lock(reason) {
  ui.editable = false;
  body.classList.add('rr-locked');
  $('#rr-open-submit').hidden = true;
  setState(reason, 'locked');
  comments?.render();
}

function pasteField() {
  const input = el('input', { type: 'text', id: 'rr-paste', autocomplete: 'off', placeholder: 'https://…/#invite=rr1_…' });
  const error = el('p', { class: 'rr-error', role: 'alert' });
  const form = el('form', { class: 'rr-paste' },
    el('label', { for: input.id }, 'Open the link from your invitation, or paste it here'), input,
    el('button', { type: 'submit', class: 'primary' }, 'Open my invite'), error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!tokenFromPaste(input.value)) {
      error.textContent = 'That does not look like an invitation link: it should contain #invite=rr1_…';
      return;
    }
    location.reload();
  });
  return form;
}

function buildBar() {
  const bar = el('div', { id: 'rr-bar', class: 'rr-bar', role: 'region', 'aria-label': 'Your review' },
    el('span', { id: 'rr-state', role: 'status' }, 'Loading your invite…'),
    el('span', { id: 'rr-timer' }),
    el('span', { id: 'rr-progress' }),
    el('span', { id: 'rr-save', role: 'status' }),
    el('span', { class: 'spacer' }),
    el('button', { type: 'button', id: 'rr-view', onclick: () => switchView() }, ''),
    el('button', { type: 'button', id: 'rr-theme', onclick: () => { $('#rr-theme').textContent = `Theme: ${nextTheme()}`; } }, `Theme: ${applyTheme()}`),
    el('button', { type: 'button', id: 'rr-help-button', onclick: showHelp }, 'Shortcuts (?)'),
    el('button', { type: 'button', id: 'rr-start', class: 'primary', hidden: true, onclick: start }, 'Start the review'),
    el('button', { type: 'button', id: 'rr-open-submit', class: 'primary', onclick: finish }, 'Finish your review'));
  $('header.pr-header').after(bar, el('div', { id: 'rr-notice', hidden: true }), el('div', { id: 'rr-live', class: 'visually-hidden', 'aria-live': 'polite' }));
  $('#file-tree')?.append(el('div', { id: 'rr-comment-list' }));
}

function switchView() {
  setView(currentView() === 'split' ? 'unified' : 'split', () => comments?.render());
  $('#rr-view').textContent = currentView() === 'split' ? 'Unified view' : 'Split view';
}

function tick() {
  const timer = $('#rr-timer');
  if (ui.deadline) {
    const left = Math.round((ui.deadline - (Date.now() + ui.offset)) / 1000);
    const abs = Math.abs(left);
    const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
    timer.textContent = left >= 0 ? `${text} left` : `Time is up (${text} over): you can still submit`;
    timer.dataset.kind = left >= 0 ? (left < 300 ? 'warn' : 'ok') : 'late';
  } else if (ui.startedAt) {
    const spent = Math.round((Date.now() + ui.offset - ui.startedAt) / 60000);
    timer.textContent = `${spent} min of a suggested ${body.dataset.minutes}`;
  } else {
    timer.textContent = `Suggested time: ${body.dataset.minutes} minutes`;
  }
}

function applySession(session) {
  ui.offset = Date.parse(session.server_time) - Date.now();
  ui.deadline = session.deadline ? Date.parse(session.deadline) : null;
  ui.startedAt = session.started_at ? Date.parse(session.started_at) : null;
  tick();
}

function received(at, late) {
  const when = new Date(at).toLocaleString();
  notice('Your review was received', `Received at ${when}${late ? ` (${late} s after the time box)` : ''}. Thank you: you can close this page.`, { kind: 'done' });
  lock('Submitted');
  sync?.stop();
  draft?.clear();
  forgetToken();
}

function showError(code, status) {
  const [title, text] = STATE_PAGES[code] || [`The server refused this (${code || status})`, 'Your draft is kept on this device.'];
  notice(title, text, { kind: 'error', extra: code === 'invalid_token' || code === 'invite_not_found' ? [pasteField()] : [] });
}

async function start() {
  const answer = await api.start();
  if (answer.status !== 200) {
    showError(answer.code, answer.status);
    return;
  }
  $('#rr-start').hidden = true;
  $('#rr-open-submit').hidden = false;
  $('#rr-notice').hidden = true;
  ui.editable = true;
  body.classList.remove('rr-locked');
  setState('Reviewing');
  applySession(answer.data);
  comments.render();
  announce('Review started');
}

function finish() {
  if (!ui.editable) return;
  openSubmitDialog(draft, send);
}

async function send() {
  ui.editable = false;
  body.classList.add('rr-locked');
  sync?.stop();
  const result = await submitReview(api, draft, setSave);
  if (result.ok) {
    received(result.received_at, result.late_seconds);
    return;
  }
  if (result.code === 'already_submitted') {
    received(result.data.received_at, 0);
    return;
  }
  draft.submissionId = null;
  draft.persist();
  ui.editable = !['invite_revoked', 'invite_expired'].includes(result.code);
  body.classList.toggle('rr-locked', !ui.editable);
  showError(result.code, result.status);
  setSave('error', `Not submitted (${result.code}). Your review is kept on this device.`);
}

function offerPreviewImport() {
  const preview = new Draft(null);
  const n = preview.comments().length;
  if (!n || draft.comments().length) return;
  const button = el('button', { type: 'button', class: 'primary', onclick: () => {
    draft.edit((review) => {
      review.comments.push(...preview.review.comments.filter((c) => !c.deleted));
      if (!review.summary) review.summary = preview.review.summary;
    });
    preview.clear();
    $('#rr-notice').hidden = true;
    announce('Preview draft imported');
  } }, `Import your preview draft (${n} comment${n === 1 ? '' : 's'})`);
  notice('You wrote comments before opening your invite', 'Bring them into this review?', { extra: [button] });
}

async function openInvite(token) {
  api = new Api(body.dataset.api || '/api', token);
  let answer;
  for (let attempt = 1; ; attempt += 1) {
    answer = await api.session();
    if (![0, 429, 500, 502, 503, 504].includes(answer.status)) break;
    setState('Cannot reach the server; retrying…', 'warn');
    await new Promise((r) => setTimeout(r, Math.min(60, answer.retryAfter ?? 2 ** attempt) * 1000));
  }
  if (answer.status !== 200) {
    lock('Not available');
    showError(answer.code, answer.status);
    return;
  }
  const session = answer.data;
  if (session.scenario !== body.dataset.scenario) {
    lock('Not this review');
    showError('other_scenario');
    return;
  }
  draft = new Draft(session.invite_id);
  if (session.state === 'submitted') {
    received(session.submission.received_at, session.submission.late_seconds);
    return;
  }
  if (session.draft && session.draft.version > draft.version) {
    if (draft.dirty) draft.adoptConflict(session.draft.version, session.draft.review);
    else {
      draft.review = session.draft.review;
      draft.version = session.draft.version;
      draft.persist();
    }
  }
  applySession(session);
  comments = new Comments(draft, () => ui.editable);
  draft.onChange(() => comments.render());
  sync = new DraftSync(api, draft, setSave);
  if (session.scenario_hash !== body.dataset.scenarioHash) {
    notice('This pull request changed after your invite was made', 'Line numbers may differ from what your interviewer expects. Review what you see; mention anything odd in your summary.', { kind: 'warn' });
  }
  if (session.state === 'not_started') {
    ui.editable = false;
    body.classList.add('rr-locked');
    setState('Not started');
    $('#rr-start').hidden = false;
    $('#rr-open-submit').hidden = true;
    notice('Ready when you are', `Read the description and the diff. Press "Start the review" to begin commenting${session.deadline || body.dataset.minutes ? ': the clock starts then' : ''}.`, { extra: [el('button', { type: 'button', class: 'primary', onclick: start }, 'Start the review')] });
  } else {
    setState('Reviewing');
    offerPreviewImport();
  }
  comments.render();
  if (draft.submissionId) send();
  else if (draft.dirty) sync.schedule(0);
}

function openPreview() {
  draft = new Draft(null);
  comments = new Comments(draft, () => ui.editable);
  draft.onChange(() => comments.render());
  setState('Preview: comments stay on this device');
  $('#rr-open-submit').hidden = true;
  notice('You are previewing this review', 'You can read and draft comments; they stay on this device until you open your invite.', { extra: [pasteField()] });
  comments.render();
}

function main() {
  if (!body.classList.contains('page-scenario')) return;
  buildBar();
  enhanceTree();
  enhanceFiles((file) => comments?.openForm({ file, side: $(`details.file[data-file="${CSS.escape(file)}"]`)?.dataset.status === 'deleted' ? 'original' : 'modified' }));
  setView(currentView());
  $('#rr-view').textContent = currentView() === 'split' ? 'Unified view' : 'Split view';
  installKeys({ comment: (row) => comments?.commentOnRow(row), switchView });
  setInterval(tick, 1000);
  tick();
  const token = takeToken();
  if (token) openInvite(token);
  else openPreview();
}

main();
