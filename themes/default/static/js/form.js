// The comment form: markdown with a preview, a severity, "Suggest a change". Its text is a
// local draft kept at every keystroke (restored after a reload, as code hosts do), and closing
// it with unsaved text asks first: nothing typed is lost without a word.
import { $, el, randomId } from './dom.js';
import { previewToggle } from './markdown.js';

const SEVERITIES = ['blocker', 'major', 'minor', 'nit', 'question'];

/** The one open form's text, in localStorage beside the review it belongs to. */
export class FormStore {
  constructor(draftKey) {
    this.key = `${draftKey}:form`;
  }

  load() {
    try {
      return JSON.parse(localStorage.getItem(this.key) || 'null');
    } catch {
      return null;
    }
  }

  save(state) {
    localStorage.setItem(this.key, JSON.stringify(state));
  }

  clear() {
    localStorage.removeItem(this.key);
  }
}

export function placeLabel({ file, side, start, end }) {
  if (start === undefined) return `Comment on ${file}`;
  return `Comment on ${side} line${start === end ? ` ${start}` : `s ${start} to ${end}`}`;
}

/**
 * Builds a form for `place` ({file, side, start?, end?}). `initial` ({body, severity}) is the
 * text to start from (a restored local draft), `existing` the comment being edited.
 * `onSave(comment)`, `onInput(state)` and `onClose()` are the owner's; `suggestion()` gives
 * the lines a suggestion starts from.
 */
export function buildForm({ place, existing, initial, suggestion, onSave, onInput, onClose }) {
  const id = existing?.id || initial?.id || randomId();
  const fileLevel = place.start === undefined;
  const label = placeLabel(place);
  const text = el('textarea', { id: `rr-body-${id}`, rows: 5, required: true });
  text.value = initial?.body ?? existing?.body ?? '';
  const severity = el(
    'select',
    { id: `rr-sev-${id}` },
    el('option', { value: '' }, 'No severity'),
    ...SEVERITIES.map((s) => el('option', { value: s }, s)),
  );
  severity.value = initial?.severity ?? existing?.severity ?? '';
  const { preview, button: previewButton } = previewToggle(text);
  const error = el('p', { class: 'rr-error', role: 'alert' });
  const ask = el('div', { class: 'rr-discard', hidden: true });
  const state = () => ({
    ...place,
    id,
    existing: Boolean(existing),
    body: text.value,
    severity: severity.value,
  });
  const changed = () => {
    error.textContent = '';
    onInput(state());
  };
  const dirty = () =>
    text.value.trim() !== '' &&
    (text.value !== (existing?.body ?? '') || severity.value !== (existing?.severity ?? ''));

  const suggest = el('button', { type: 'button', hidden: fileLevel }, 'Suggest a change');
  suggest.addEventListener('click', () => {
    const lines = suggestion();
    text.value += `${text.value && !text.value.endsWith('\n') ? '\n' : ''}\`\`\`suggestion\n${lines.join('\n')}\n\`\`\`\n`;
    changed();
    text.focus();
  });
  text.addEventListener('input', changed);
  severity.addEventListener('change', changed);

  const save = () => {
    if (!text.value.trim()) {
      error.textContent = 'Write something first.';
      text.focus();
      return false;
    }
    const comment = { id, file: place.file, side: place.side, body: text.value };
    if (!fileLevel) Object.assign(comment, { start_line: place.start, end_line: place.end });
    if (severity.value) comment.severity = severity.value;
    onSave(comment);
    onClose();
    return true;
  };
  /** Closes at once when nothing would be lost; otherwise asks (Discard / Keep writing). */
  const requestClose = () => {
    if (!dirty()) {
      onClose();
      return;
    }
    const keep = el(
      'button',
      {
        type: 'button',
        class: 'rr-keep',
        onclick: () => {
          ask.hidden = true;
          text.focus();
        },
      },
      'Keep writing',
    );
    ask.replaceChildren(
      el(
        'p',
        {},
        existing
          ? 'Discard your changes to this comment?'
          : 'Discard this comment? What you wrote will be lost.',
      ),
      el(
        'button',
        { type: 'button', class: 'rr-discard-yes', onclick: () => onClose() },
        'Discard',
      ),
      keep,
    );
    ask.hidden = false;
    keep.focus();
  };
  const form = el(
    'form',
    { class: 'rr-comment-form', 'aria-label': label, 'data-form-id': id },
    el('p', { class: 'rr-form-title' }, label),
    el('label', { for: text.id, class: 'visually-hidden' }, 'Comment (markdown)'),
    text,
    preview,
    el(
      'div',
      { class: 'rr-form-tools' },
      el('label', { for: severity.id }, 'Severity '),
      severity,
      previewButton,
      suggest,
      el('span', { class: 'spacer' }),
      el('button', { type: 'button', class: 'rr-cancel', onclick: requestClose }, 'Cancel'),
      el(
        'button',
        { type: 'submit', class: 'primary' },
        existing ? 'Update comment' : 'Add comment',
      ),
    ),
    error,
    ask,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (ask.hidden) requestClose();
      else $('.rr-keep', ask)?.click();
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  });
  /** Points at this form when another place asks for one while it holds unsaved text. */
  const nudge = () => {
    error.textContent = 'Add or discard this comment first.';
    form.scrollIntoView({ block: 'center' });
    text.focus();
  };
  return { form, text, id, label, dirty, save, nudge, state };
}
