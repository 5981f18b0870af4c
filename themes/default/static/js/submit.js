// The final review: summary, verdict, a recap with one Submit, then POST /api/submissions with a
// submission id saved before the first attempt and reused on every retry and reload.

import { untilAnswered } from './api.js';
import { $, announce, el, randomId } from './dom.js';
import { previewToggle } from './markdown.js';

const VERDICTS = [
  ['comment', 'Comment', 'General feedback without explicit approval.'],
  ['approve', 'Approve', 'Ready to merge as it is.'],
  ['request_changes', 'Request changes', 'Must change before it can merge.'],
];

/**
 * The finish dialog: summary, verdict, a recap of what will be sent (verdict, comments, an
 * open form's unsaved text, files not viewed) and one Submit. `recap()` gives
 * `{pending, unviewed}`: the open form holding unsaved text (its label) or null, and the
 * paths of the changed files not marked viewed.
 */
export function openSubmitDialog(draft, recap, onConfirm) {
  $('#rr-submit-dialog')?.remove();
  const summary = el('textarea', { id: 'rr-summary', rows: 6 });
  summary.value = draft.review.summary || '';
  const { preview, button: previewButton } = previewToggle(summary);
  const list = el('ul', { id: 'rr-recap', class: 'rr-recap' });
  const error = el('p', { class: 'rr-error', role: 'alert' });
  const { pending, unviewed } = recap();
  const update = () => {
    const n = draft.comments().length + (pending ? 1 : 0);
    const verdict = VERDICTS.find(([value]) => value === draft.review.verdict);
    const items = [
      el(
        'li',
        { class: verdict ? null : 'rr-recap-warn' },
        `Verdict: ${verdict ? verdict[1] : 'not chosen yet'}`,
      ),
      el(
        'li',
        {},
        `${n} comment${n === 1 ? '' : 's'}${draft.review.summary?.trim() ? ' and your summary' : ', no summary'}`,
      ),
    ];
    if (pending)
      items.push(
        el(
          'li',
          { class: 'rr-recap-warn' },
          `An open form holds unsaved text (${pending.label}): it is added to your review when you submit.`,
        ),
      );
    if (unviewed.length) {
      items.push(
        el(
          'li',
          { class: 'rr-recap-warn' },
          `${unviewed.length} file${unviewed.length === 1 ? '' : 's'} not marked viewed: `,
          el('span', { class: 'rr-recap-files' }, unviewed.join(', ')),
        ),
      );
    }
    list.replaceChildren(...items);
  };
  summary.addEventListener('input', () => {
    draft.edit(
      (r) => {
        r.summary = summary.value;
      },
      { summary: true },
    );
    update();
  });
  const radios = VERDICTS.map(([value, label, hint]) => {
    const input = el('input', { type: 'radio', name: 'verdict', value, id: `rr-verdict-${value}` });
    input.checked = draft.review.verdict === value;
    input.addEventListener('change', () => {
      draft.edit(
        (r) => {
          r.verdict = value;
        },
        { summary: true },
      );
      error.textContent = '';
      update();
    });
    return el(
      'div',
      { class: 'rr-verdict' },
      input,
      el('label', { for: input.id }, el('strong', {}, label), ` — ${hint}`),
    );
  });
  update();
  const dialog = el(
    'dialog',
    { id: 'rr-submit-dialog', 'aria-labelledby': 'rr-submit-title' },
    el('h2', { id: 'rr-submit-title' }, 'Finish your review'),
    el('label', { for: summary.id }, 'Summary (markdown)'),
    summary,
    preview,
    el('div', { class: 'rr-form-tools' }, previewButton),
    el('fieldset', {}, el('legend', {}, 'Verdict'), radios),
    el('h3', { class: 'rr-recap-title' }, 'You are about to send'),
    list,
    el('p', { class: 'muted' }, 'You cannot edit your review after submitting it.'),
    error,
    el(
      'div',
      { class: 'rr-form-tools' },
      el('span', { class: 'spacer' }),
      el('button', { type: 'button', onclick: () => dialog.close() }, 'Keep reviewing'),
      el(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'rr-submit-confirm',
          onclick: () => {
            if (!draft.review.verdict) {
              error.textContent = 'Choose a verdict.';
              $('input[name="verdict"]', dialog)?.focus();
              return;
            }
            dialog.close();
            onConfirm();
          },
        },
        'Submit review',
      ),
    ),
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    $('#rr-open-submit')?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  summary.focus();
}

/**
 * Sends the review until the server answers: retries network failures and 429/5xx (honouring
 * Retry-After, at most 60 s) for as long as the tab is open; any other answer ends it.
 */
export async function submitReview(api, draft, onStatus) {
  if (!draft.submissionId) {
    draft.submissionId = randomId(16);
    draft.snapshotViewed();
    draft.persist();
  }
  const answer = await untilAnswered(
    () => {
      onStatus('sending', 'Submitting your review…');
      return api.submit(draft.submissionId, draft.payload({ final: true }));
    },
    () => {
      onStatus('offline', 'Saved on this device; server unreachable, retrying');
      announce('Server unreachable, retrying');
    },
  );
  if (answer.status === 200 || answer.status === 201) return { ok: true, ...answer.data };
  return { ok: false, status: answer.status, code: answer.code, data: answer.data };
}
