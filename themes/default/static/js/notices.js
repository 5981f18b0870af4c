// The notices above the diff: the state pages (an invalid, expired or withdrawn invite, ...),
// "Your review was received" with what was sent, the field to paste an invitation link, and
// short tips beside what was clicked.
import { $, el } from './dom.js';
import { forgetToken, tokenFromPaste } from './invite.js';
import { render as markdown } from './markdown.js';

const STATE_PAGES = {
  invalid_token: [
    'This invite link is not valid',
    'Check that you opened the whole link from your invitation, or paste it below.',
  ],
  invite_not_found: [
    'This invite link is not valid',
    'It may have been replaced by a newer link. Open the most recent link from your invitation, or paste it below.',
  ],
  invite_expired: [
    'This invite has expired',
    'The time to start this review has passed. Ask your contact for a new invitation.',
  ],
  invite_revoked: [
    'This invite was withdrawn',
    'Your contact withdrew this invitation. Anything you wrote is still on this device.',
  ],
  other_scenario: [
    'This invite is for another pull request',
    'The link you used belongs to a different review. Open the link from your invitation exactly as you received it.',
  ],
  unknown: [
    'Something went wrong',
    'The server answered in a way this page does not understand. Your draft is kept on this device; try again later.',
  ],
};

const VERDICT_LABELS = {
  approve: 'Approve',
  request_changes: 'Request changes',
  comment: 'Comment',
};

export function notice(title, text, { kind = 'info', extra = [] } = {}) {
  const box = $('#rr-notice');
  box.replaceChildren(
    el(
      'section',
      { class: `rr-page rr-page-${kind}`, 'aria-labelledby': 'rr-page-title' },
      el('h2', { id: 'rr-page-title' }, title),
      el('p', {}, text),
      ...extra,
    ),
  );
  box.hidden = false;
}

export function pasteField() {
  const input = el('input', {
    type: 'text',
    id: 'rr-paste',
    autocomplete: 'off',
    placeholder: 'https://…/#invite=rr2_…',
  });
  const error = el('p', { class: 'rr-error', role: 'alert' });
  const form = el(
    'form',
    { class: 'rr-paste' },
    el('label', { for: input.id }, 'Open the link from your invitation, or paste it here'),
    input,
    el('button', { type: 'submit', class: 'primary' }, 'Open my invite'),
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!tokenFromPaste(input.value)) {
      error.textContent =
        'That does not look like an invitation link: it should contain #invite=rr2_…';
      return;
    }
    location.reload();
  });
  return form;
}

/** A short message beside what was clicked (a line number before the start, for example). */
export function tip(near, text) {
  const box = $('#rr-tip');
  const at = near.getBoundingClientRect();
  box.textContent = text;
  box.hidden = false;
  box.style.top = `${window.scrollY + at.bottom + 4}px`;
  box.style.left = `${window.scrollX + at.left}px`;
  clearTimeout(tip.timer);
  tip.timer = setTimeout(() => {
    box.hidden = true;
  }, 4000);
}

/** "Your review was received", with the verdict and summary of `copy` (what was sent) if kept. */
export function receivedPage(at, late, copy) {
  const when = new Date(at).toLocaleString();
  const lines = [
    el(
      'p',
      {},
      `Received at ${when}${late ? ` (${late} s after the time box)` : ''}. Thank you: you can close this page.`,
    ),
  ];
  if (copy) {
    const n = copy.comments.length;
    lines.push(
      el(
        'p',
        {},
        el('strong', {}, `Verdict: ${VERDICT_LABELS[copy.verdict] || 'none'}`),
        ` · ${n} comment${n === 1 ? '' : 's'}, shown read-only under their lines`,
      ),
    );
    if (copy.summary?.trim())
      lines.push(el('div', { class: 'markdown rr-submitted-summary' }, markdown(copy.summary)));
  } else {
    lines.push(el('p', {}, 'A copy of what you sent is kept on the device you submitted from.'));
  }
  const box = $('#rr-notice');
  box.replaceChildren(
    el(
      'section',
      { class: 'rr-page rr-page-done', 'aria-labelledby': 'rr-page-title', tabindex: -1 },
      el('h2', { id: 'rr-page-title' }, 'Your review was received'),
      ...lines,
    ),
  );
  box.hidden = false;
}

/**
 * Brings the state page into view and moves focus to it (its title is read out): after
 * submitting from far down the page, the answer is at the top, out of sight.
 */
export function revealPage() {
  const panel = $('#rr-notice .rr-page');
  if (!panel) return;
  panel.tabIndex = -1;
  panel.focus({ preventScroll: true });
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  panel.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
}

/** The page for an answer the review cannot go on with (or a link that is not a token). */
export function errorPage(code, status) {
  // A token the server refuses is forgotten: the next visit asks for the link again.
  if (status === 401 || status === 403 || code === 'other_scenario' || code === 'invalid_token')
    forgetToken();
  const [title, text] = STATE_PAGES[code] || [
    `The server refused this (${code || status})`,
    'Your draft is kept on this device.',
  ];
  notice(title, text, {
    kind: 'error',
    extra: code === 'invalid_token' || code === 'invite_not_found' ? [pasteField()] : [],
  });
}
