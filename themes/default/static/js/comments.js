// Comments on a line, a range (drag or shift-click on line numbers; a drag across sides takes
// the side of its end row) or a whole file; shown inline under their lines and in a list.
import { $, $$, el, randomId, announce } from './dom.js';
import { render as markdown } from './markdown.js';
import { activeTable, cellPlace } from './diffview.js';

const SEVERITIES = ['blocker', 'major', 'minor', 'nit', 'question'];

function fileOf(name) {
  return $$('details.file').find((f) => f.dataset.file === name);
}

/** The row showing `line` of `side` in the file's active table. */
export function rowFor(file, side, line) {
  return $(`tr.row[data-${side}="${line}"]`, activeTable(file));
}

function codeText(row, side) {
  const cells = $$('td.code', row);
  const cell = cells.length > 1 ? cells[side === 'original' ? 0 : 1] : cells[0];
  if (!cell) return '';
  const copy = cell.cloneNode(true);
  $$('.visually-hidden', copy).forEach((n) => n.remove());
  return copy.textContent;
}

export class Comments {
  constructor(draft, canEdit) {
    this.draft = draft;
    this.canEdit = canEdit;
    this.selection = null;
    this.dragging = null;
    document.addEventListener('mousedown', (e) => this.down(e));
    document.addEventListener('mouseover', (e) => this.over(e));
    document.addEventListener('mouseup', (e) => this.up(e));
  }

  // ---- selecting lines ----
  down(event) {
    const cell = event.target.closest('td.ln[data-side]');
    if (!cell || !this.canEdit() || event.button !== 0) return;
    event.preventDefault();
    const place = cellPlace(cell);
    const file = cell.closest('details.file');
    if (event.shiftKey && this.selection && this.selection.file === file.dataset.file) {
      this.select(file, this.selection.anchor, place);
      this.openForm({ file: file.dataset.file, side: place.side, start: this.selection.start, end: this.selection.end });
      return;
    }
    this.dragging = { file, anchor: place };
    this.select(file, place, place);
  }

  over(event) {
    if (!this.dragging) return;
    const cell = event.target.closest('td.ln[data-side]');
    if (cell && cell.closest('details.file') === this.dragging.file) this.select(this.dragging.file, this.dragging.anchor, cellPlace(cell));
  }

  up() {
    if (!this.dragging) return;
    const { file } = this.dragging;
    this.dragging = null;
    const s = this.selection;
    this.openForm({ file: file.dataset.file, side: s.side, start: s.start, end: s.end });
  }

  /** Selects from `anchor` to `end` on the side of the end row. */
  select(file, anchor, end) {
    $$('tr.selected').forEach((r) => r.classList.remove('selected'));
    const side = end.side;
    const rows = $$('tr.row', activeTable(file));
    const index = (p) => rows.findIndex((r) => r.dataset[p.side] === String(p.line));
    const [a, b] = [index(anchor), index(end)].sort((x, y) => x - y);
    const lines = [];
    for (const row of rows.slice(Math.max(a, 0), b + 1)) {
      const n = row.dataset[side];
      if (n) {
        lines.push(Number(n));
        row.classList.add('selected');
      }
    }
    if (!lines.length) lines.push(end.line);
    this.selection = { file: file.dataset.file, anchor, side, start: Math.min(...lines), end: Math.max(...lines) };
  }

  /** Opens a comment on the first changed row of a hunk (keyboard `c`). */
  commentOnRow(row) {
    const file = row.closest('details.file');
    const cell = $$('td.ln[data-side]', row).pop();
    if (!cell) return;
    const place = cellPlace(cell);
    this.select(file, place, place);
    this.openForm({ file: file.dataset.file, side: place.side, start: place.line, end: place.line });
  }

  // ---- the form ----
  openForm({ file, side, start, end, existing }) {
    if (!this.canEdit()) return;
    $$('.rr-form-row, .rr-file-form').forEach((n) => n.remove());
    const details = fileOf(file);
    if (!details) return;
    details.open = true;
    const id = existing?.id || randomId();
    const fileLevel = start === undefined;
    const label = fileLevel ? `Comment on ${file}` : `Comment on ${side} line${start === end ? ` ${start}` : `s ${start} to ${end}`}`;
    const text = el('textarea', { id: `rr-body-${id}`, rows: 5, required: true });
    text.value = existing?.body || '';
    const severity = el('select', { id: `rr-sev-${id}` },
      el('option', { value: '' }, 'No severity'), ...SEVERITIES.map((s) => el('option', { value: s }, s)));
    severity.value = existing?.severity || '';
    const preview = el('div', { class: 'markdown rr-preview', hidden: true, 'aria-live': 'polite' });
    const previewButton = el('button', { type: 'button', 'aria-pressed': 'false' }, 'Preview');
    previewButton.addEventListener('click', () => {
      const on = preview.hidden;
      preview.replaceChildren(markdown(text.value || 'Nothing to preview.'));
      preview.hidden = !on;
      text.hidden = on;
      previewButton.setAttribute('aria-pressed', String(on));
      previewButton.textContent = on ? 'Write' : 'Preview';
    });
    const suggest = el('button', { type: 'button', hidden: fileLevel }, 'Suggest a change');
    suggest.addEventListener('click', () => {
      const rows = [];
      for (let n = start; n <= end; n += 1) {
        const row = rowFor(details, side, n);
        if (row) rows.push(codeText(row, side));
      }
      text.value += `${text.value && !text.value.endsWith('\n') ? '\n' : ''}\`\`\`suggestion\n${rows.join('\n')}\n\`\`\`\n`;
      text.focus();
    });
    const error = el('p', { class: 'rr-error', role: 'alert' });
    const close = () => {
      form.closest('.rr-form-row, .rr-file-form')?.remove();
      $$('tr.selected').forEach((r) => r.classList.remove('selected'));
      this.lastFocus?.focus?.();
    };
    const save = () => {
      if (!text.value.trim()) {
        error.textContent = 'Write something first.';
        text.focus();
        return;
      }
      const comment = { id, file, side, body: text.value };
      if (!fileLevel) Object.assign(comment, { start_line: start, end_line: end });
      if (severity.value) comment.severity = severity.value;
      this.draft.upsertComment(comment);
      close();
      announce('Comment saved');
    };
    const form = el('form', { class: 'rr-comment-form', 'aria-label': label },
      el('p', { class: 'rr-form-title' }, label),
      el('label', { for: text.id, class: 'visually-hidden' }, 'Comment (markdown)'), text, preview,
      el('div', { class: 'rr-form-tools' },
        el('label', { for: severity.id }, 'Severity '), severity, previewButton, suggest,
        el('span', { class: 'spacer' }),
        el('button', { type: 'button', onclick: close }, 'Cancel'),
        el('button', { type: 'submit', class: 'primary' }, existing ? 'Update comment' : 'Add comment')),
      error);
    form.addEventListener('submit', (e) => { e.preventDefault(); save(); });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); close(); }
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save(); }
    });
    this.lastFocus = document.activeElement;
    if (fileLevel) {
      $('.file-tools', details).after(el('div', { class: 'rr-file-form' }, form));
    } else {
      const row = rowFor(details, side, end);
      const cols = $$('td', row).length;
      row.after(el('tr', { class: 'rr-form-row' }, el('td', { colspan: cols }, form)));
    }
    text.focus();
  }

  // ---- showing comments ----
  commentView(c) {
    const where = c.start_line === undefined ? 'file' : `${c.side} ${c.start_line === c.end_line ? c.start_line : `${c.start_line}–${c.end_line}`}`;
    const body = el('div', { class: 'markdown rr-comment-body' });
    body.append(markdown(c.body));
    const tools = this.canEdit() ? el('div', { class: 'rr-comment-tools' },
      el('button', { type: 'button', onclick: () => this.openForm({ file: c.file, side: c.side, start: c.start_line, end: c.end_line, existing: c }) }, 'Edit'),
      el('button', { type: 'button', onclick: () => { this.draft.deleteComment(c.id); announce('Comment deleted'); } }, 'Delete')) : null;
    return el('article', { class: 'rr-comment', id: `comment-${c.id}`, tabindex: '-1', 'aria-label': `Your comment on ${c.file}, ${where}` },
      el('p', { class: 'rr-comment-meta' }, el('span', {}, `You · ${where}`), c.severity ? el('span', { class: `rr-sev rr-sev-${c.severity}` }, c.severity) : null),
      body, tools);
  }

  render() {
    $$('.rr-comment-row, .rr-file-comments').forEach((n) => n.remove());
    const list = this.draft.comments();
    for (const c of list) {
      const file = fileOf(c.file);
      if (!file) continue;
      if (c.start_line === undefined) {
        let box = $('.rr-file-comments', file);
        if (!box) {
          box = el('div', { class: 'rr-file-comments' });
          $('.file-tools', file).after(box);
        }
        box.append(this.commentView(c));
        continue;
      }
      const row = rowFor(file, c.side, c.end_line);
      if (!row) continue;
      let holder = row.nextElementSibling;
      if (!holder?.classList.contains('rr-comment-row')) {
        holder = el('tr', { class: 'rr-comment-row' }, el('td', { colspan: $$('td', row).length }));
        row.after(holder);
      }
      // Unhide context that holds a comment.
      const body = row.closest('tbody.context');
      if (body) body.hidden = false;
      holder.firstChild.append(this.commentView(c));
    }
    this.renderList(list);
  }

  renderList(list) {
    const nav = $('#rr-comment-list');
    if (!nav) return;
    const items = list.map((c) => el('li', {},
      el('a', { href: `#comment-${c.id}`, onclick: (e) => {
        e.preventDefault();
        const target = document.getElementById(`comment-${c.id}`);
        target?.closest('details.file')?.setAttribute('open', '');
        target?.scrollIntoView({ block: 'center' });
        target?.focus();
      } }, `${c.file}${c.start_line === undefined ? '' : `:${c.start_line}`}`),
      c.severity ? ` (${c.severity})` : ''));
    nav.replaceChildren(el('h2', { class: 'nav-title' }, `Your comments (${list.length})`),
      list.length ? el('ul', {}, items) : el('p', { class: 'muted' }, 'Click a line number to comment; drag or shift-click for a range.'));
  }
}
