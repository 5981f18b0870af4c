// The candidate's review: the entry module. Reads the invite, asks the API for the session,
// shows its state, and wires the diff, comments, drafts and the final submission together.

import { Api, untilAnswered } from './api.js';
import { applySession, minutes, tick, timeLimit } from './clock.js';
import { Comments } from './comments.js';
import {
  currentView,
  enhanceFiles,
  enhanceTree,
  files,
  fixFiles,
  isViewed,
  markTree,
  narrow,
  preferredView,
  setView,
} from './diffview.js';
import { $, announce, el } from './dom.js';
import { Draft } from './draft.js';
import { takeToken } from './invite.js';
import { installKeys, showHelp } from './keys.js';
import { errorPage, notice, pasteField, receivedPage, revealPage, tip } from './notices.js';
import { openSubmitDialog, submitReview } from './submit.js';
import { DraftSync } from './sync.js';
import { themeButton } from './theme.js';

const body = document.body;
const ui = {
  editable: true,
  state: 'preview',
};
let api = null;
let draft = null;
let sync = null;
let comments = null;

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

function lock(reason) {
  ui.editable = false;
  ui.state = reason;
  body.classList.add('rr-locked');
  $('#rr-open-submit').hidden = true;
  setState(reason, 'locked');
  comments?.render();
}

const viewLabel = () => `View: ${currentView()}`;

function buildBar() {
  const bar = el(
    'div',
    { id: 'rr-bar', class: 'rr-bar', role: 'region', 'aria-label': 'Your review' },
    el('span', { id: 'rr-state', role: 'status' }, 'Loading your invite…'),
    el('span', { id: 'rr-timer' }),
    el('span', { id: 'rr-progress' }),
    el('span', { id: 'rr-save', role: 'status' }),
    el('span', { id: 'rr-undo', hidden: true }),
    el('span', { class: 'spacer' }),
    el('button', { type: 'button', id: 'rr-view', onclick: () => switchView() }, ''),
    themeButton(),
    el('button', { type: 'button', id: 'rr-help-button', onclick: showHelp }, 'Shortcuts (?)'),
    el(
      'button',
      { type: 'button', id: 'rr-start', class: 'primary', hidden: true, onclick: start },
      'Start the review',
    ),
    el(
      'button',
      { type: 'button', id: 'rr-open-submit', class: 'primary', onclick: finish },
      'Finish your review',
    ),
  );
  $('header.pr-header').after(
    bar,
    el('div', { id: 'rr-notice', hidden: true }),
    el('div', { id: 'rr-live', class: 'visually-hidden', 'aria-live': 'polite' }),
  );
  $('#file-tree')?.append(el('div', { id: 'rr-comment-list' }));
  document.body.append(el('div', { id: 'rr-tip', role: 'status', hidden: true }));
  // Sticky file headers and the sidebar sit below the bar, whatever its height.
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--rr-bar-h', `${bar.offsetHeight}px`);
  }).observe(bar);
}

function showViewToggle() {
  const button = $('#rr-view');
  button.textContent = viewLabel();
  button.hidden = narrow.matches;
}

function switchView() {
  if (narrow.matches) {
    announce('Split view needs a wider window');
    return;
  }
  setView(preferredView() === 'split' ? 'unified' : 'split', () => {
    comments?.render();
    comments?.relocateForm();
  });
  showViewToggle();
}

function onLocked(cell) {
  const why =
    {
      'Not started': 'Start the review to comment',
      Submitted: 'Your review was submitted: it can no longer change',
    }[ui.state] || 'Comments are closed on this page';
  tip(cell, why);
}

/** After a deletion: "Comment deleted. Undo" in the bar for a while. */
function offerUndo(id) {
  const box = $('#rr-undo');
  const undo = el(
    'button',
    {
      type: 'button',
      id: 'rr-undo-button',
      onclick: () => {
        draft.restoreComment(id);
        box.hidden = true;
        announce('Comment restored');
        $(`#comment-${CSS.escape(id)}`)?.focus();
      },
    },
    'Undo',
  );
  box.replaceChildren('Comment deleted. ', undo);
  box.hidden = false;
  announce('Comment deleted. Undo is in the status bar');
  clearTimeout(offerUndo.timer);
  offerUndo.timer = setTimeout(() => {
    box.hidden = true;
  }, 15000);
}

const copyKey = (id) => `rr:submitted:${id}`;

/** What was sent, read-only: verdict, summary, and the comments inline under their lines. */
function showReceived(at, late, copy) {
  receivedPage(at, late, copy);
  lock('Submitted');
  body.classList.add('rr-submitted');
  fixFiles();
  setSave('done', `Submitted at ${new Date(at).toLocaleTimeString()}`);
  if (copy && draft) {
    draft.review = { ...copy, comments: copy.comments };
    comments ??= new Comments(draft, () => ui.editable, { onLocked });
    comments.render();
  }
}

/** The review is in: keep a read-only copy on this device, drop the editable draft. */
function received(at, late) {
  sync?.stop();
  comments?.closeForm();
  const copy = draft ? draft.payload({ final: true }) : null;
  if (draft?.owner && copy) localStorage.setItem(copyKey(draft.owner), JSON.stringify(copy));
  draft?.clear();
  showReceived(at, late, copy);
  revealPage();
}

function storedCopy(id) {
  try {
    return JSON.parse(localStorage.getItem(copyKey(id)) || 'null');
  } catch {
    return null;
  }
}

async function start() {
  const answer = await api.start();
  if (answer.status !== 200) {
    errorPage(answer.code, answer.status);
    return;
  }
  $('#rr-start').hidden = true;
  $('#rr-open-submit').hidden = false;
  $('#rr-notice').hidden = true;
  ui.editable = true;
  ui.state = 'Reviewing';
  body.classList.remove('rr-locked', 'rr-not-started');
  setState('Reviewing');
  applySession(answer.data);
  comments.render();
  announce('Review started');
}

/** The changed files marked viewed, sent with the review for the interviewer's report. */
function viewedFiles() {
  return files()
    .filter((f) => f.dataset.status !== 'unchanged' && isViewed(f))
    .map((f) => f.dataset.file);
}

function finish() {
  if (!ui.editable) return;
  const recap = () => ({
    pending: comments.pendingForm() && { label: comments.pendingForm().label },
    unviewed: files()
      .filter((f) => f.dataset.status !== 'unchanged' && !isViewed(f))
      .map((f) => f.dataset.file),
  });
  openSubmitDialog(draft, recap, send);
}

async function send() {
  // An open form's text goes with the review rather than being dropped.
  comments?.savePending();
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
  errorPage(result.code, result.status);
  revealPage();
  setSave('error', `Not submitted (${result.code}). Your review is kept on this device.`);
}

function offerPreviewImport() {
  const preview = new Draft(null);
  const n = preview.comments().length;
  if (!n || draft.comments().length) return;
  const button = el(
    'button',
    {
      type: 'button',
      class: 'primary',
      onclick: () => {
        draft.edit((review) => {
          review.comments.push(...preview.review.comments.filter((c) => !c.deleted));
          if (!review.summary) review.summary = preview.review.summary;
        });
        preview.clear();
        $('#rr-notice').hidden = true;
        announce('Preview draft imported');
      },
    },
    `Import your preview draft (${n} comment${n === 1 ? '' : 's'})`,
  );
  notice('You wrote comments before opening your invite', 'Bring them into this review?', {
    extra: [button],
  });
}

async function openInvite(token) {
  api = new Api(body.dataset.api || '/api', token);
  const answer = await untilAnswered(
    () => api.session(),
    () => setState('Cannot reach the server; retrying…', 'warn'),
  );
  if (answer.status !== 200) {
    lock('Not available');
    errorPage(answer.code, answer.status);
    return;
  }
  const session = answer.data;
  if (session.scenario !== body.dataset.scenario) {
    lock('Not this review');
    errorPage('other_scenario');
    return;
  }
  draft = new Draft(session.invite_id);
  draft.viewedFiles = viewedFiles;
  if (session.state === 'submitted') {
    showReceived(
      session.submission.received_at,
      session.submission.late_seconds,
      storedCopy(session.invite_id),
    );
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
  comments = new Comments(draft, () => ui.editable, {
    onLocked,
    onDeleted: offerUndo,
    onRender: markTree,
  });
  draft.onChange(() => comments.render());
  sync = new DraftSync(api, draft, setSave);
  if (session.scenario_hash !== body.dataset.scenarioHash) {
    notice(
      'This pull request changed after your invite was made',
      'Line numbers may differ from what your interviewer expects. Review what you see; mention anything odd in your summary.',
      { kind: 'warn' },
    );
  }
  if (session.state === 'not_started') {
    ui.editable = false;
    ui.state = 'Not started';
    body.classList.add('rr-locked', 'rr-not-started');
    setState('Not started');
    $('#rr-start').hidden = false;
    $('#rr-open-submit').hidden = true;
    const time = timeLimit()
      ? `Time box: ${minutes(timeLimit())}, counted down in the bar from when you press “Start the review”. At zero the timer shows the time over; you can still submit, and how late is recorded with your review.`
      : 'There is no time limit: the clock in the bar counts from when you press “Start the review”.';
    notice(
      'Ready when you are',
      `Read the description and the diff. Press “Start the review” (in the bar above) to begin commenting. ${time}`,
    );
  } else {
    setState('Reviewing');
    ui.state = 'Reviewing';
    offerPreviewImport();
  }
  comments.render();
  if (ui.editable) comments.restoreForm();
  if (draft.submissionId) send();
  else if (draft.dirty) sync.schedule(0);
}

function openPreview() {
  draft = new Draft(null);
  comments = new Comments(draft, () => ui.editable, {
    onLocked,
    onDeleted: offerUndo,
    onRender: markTree,
  });
  draft.onChange(() => comments.render());
  setState('Preview: comments stay on this device');
  $('#rr-open-submit').hidden = true;
  notice(
    'You are previewing this review',
    'You can read and draft comments; they stay on this device until you open your invite.',
    { extra: [pasteField()] },
  );
  comments.render();
  comments.restoreForm();
}

function main() {
  if (!body.classList.contains('page-scenario')) return;
  buildBar();
  enhanceTree();
  enhanceFiles((file, button) => {
    if (!ui.editable) {
      onLocked(button);
      return;
    }
    const deleted =
      $(`details.file[data-file="${CSS.escape(file)}"]`)?.dataset.status === 'deleted';
    comments?.openForm({ file, side: deleted ? 'original' : 'modified' });
  });
  setView(preferredView());
  showViewToggle();
  narrow.addEventListener('change', () => {
    setView(preferredView(), () => {
      comments?.render();
      comments?.relocateForm();
    });
    showViewToggle();
  });
  installKeys({ comment: (row) => comments?.commentOnRow(row), switchView });
  setInterval(tick, 1000);
  tick();
  const { token, invalid } = takeToken();
  if (invalid) {
    lock('Not available');
    errorPage('invalid_token', 401);
  } else if (token) openInvite(token);
  else openPreview();
}

main();
