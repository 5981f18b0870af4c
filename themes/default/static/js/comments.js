// Comments on a line, a range (drag or shift-click on line numbers; a drag across sides takes
// the side of its end row) or a whole file; shown inline under their lines and in a list.

import { activeTable, cellPlace, files } from './diffview.js';
import { $, $$, announce, el } from './dom.js';
import { buildForm, FormStore } from './form.js';
import { render as markdown } from './markdown.js';
import { ensureLine } from './rows.js';

function fileOf(name) {
  return $$('details.file').find((f) => f.dataset.file === name);
}

/** The row showing `line` of `side` in the file's active table (made from the page's data
 *  when the line is in context not yet shown). */
export function rowFor(file, side, line) {
  const find = () => $(`tr.row[data-${side}="${line}"]`, activeTable(file));
  const row = find();
  if (row) return row;
  ensureLine(file, side, Number(line));
  return find();
}

function codeText(row, side) {
  const cells = $$('td.code', row);
  const cell = cells.length > 1 ? cells[side === 'original' ? 0 : 1] : cells[0];
  if (!cell) return '';
  const copy = cell.cloneNode(true);
  for (const n of $$('.visually-hidden', copy)) n.remove();
  return copy.textContent;
}

/** The code of lines `start..end` of `side` as the page shows them. */
function linesOf(details, side, start, end) {
  const out = [];
  for (let n = start; n <= end; n += 1) {
    const row = rowFor(details, side, n);
    if (row) out.push(codeText(row, side));
  }
  return out;
}

/** Shows each suggestion as old -> new: the commented lines above the suggested ones. */
function showSuggestionsAgainst(fragment, oldLines) {
  for (const block of $$('.suggestion-block', fragment)) {
    const next = $('pre.suggestion', block);
    next.classList.add('suggestion-new');
    next.prepend(el('span', { class: 'visually-hidden' }, 'suggested: '));
    next.before(
      el(
        'pre',
        { class: 'suggestion-old' },
        el('span', { class: 'visually-hidden' }, 'original: '),
        el('code', {}, oldLines.join('\n')),
      ),
    );
  }
}

const where = (c) =>
  c.start_line === undefined
    ? 'file'
    : `${c.side} ${c.start_line === c.end_line ? c.start_line : `${c.start_line}–${c.end_line}`}`;

export class Comments {
  /** `hooks`: `onLocked(cell)` when a line is clicked while the review cannot be edited,
   *  `onDeleted(id)` after a deletion (the page offers undo). */
  constructor(draft, canEdit, hooks = {}) {
    this.draft = draft;
    this.canEdit = canEdit;
    this.hooks = hooks;
    this.selection = null;
    this.dragging = null;
    this.form = null;
    this.store = new FormStore(draft.key);
    document.addEventListener('mousedown', (e) => this.down(e));
    document.addEventListener('mouseover', (e) => this.over(e));
    document.addEventListener('mouseup', (e) => this.up(e));
  }

  // ---- selecting lines ----
  down(event) {
    const cell = event.target.closest('td.ln[data-side]');
    if (!cell || event.button !== 0) return;
    if (!this.canEdit()) {
      this.hooks.onLocked?.(cell);
      return;
    }
    event.preventDefault();
    const place = cellPlace(cell);
    const file = cell.closest('details.file');
    if (event.shiftKey && this.selection && this.selection.file === file.dataset.file) {
      this.select(file, this.selection.anchor, place);
      this.openForm({
        file: file.dataset.file,
        side: place.side,
        start: this.selection.start,
        end: this.selection.end,
      });
      return;
    }
    this.dragging = { file, anchor: place };
    this.select(file, place, place);
  }

  over(event) {
    if (!this.dragging) return;
    const cell = event.target.closest('td.ln[data-side]');
    if (cell && cell.closest('details.file') === this.dragging.file)
      this.select(this.dragging.file, this.dragging.anchor, cellPlace(cell));
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
    for (const r of $$('tr.selected')) r.classList.remove('selected');
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
    this.selection = {
      file: file.dataset.file,
      anchor,
      side,
      start: Math.min(...lines),
      end: Math.max(...lines),
    };
  }

  /** Opens a comment on the first changed row of a hunk (keyboard `c`). */
  commentOnRow(row) {
    const file = row.closest('details.file');
    const cell = $$('td.ln[data-side]', row).pop();
    if (!cell) return;
    const place = cellPlace(cell);
    if (!this.canEdit()) {
      this.hooks.onLocked?.(cell);
      return;
    }
    this.select(file, place, place);
    this.openForm({
      file: file.dataset.file,
      side: place.side,
      start: place.line,
      end: place.line,
    });
  }

  // ---- the form ----
  /** The open form when it holds text not yet in the review, else null. */
  pendingForm() {
    return this.form?.dirty() ? this.form : null;
  }

  /** Adds the open form's text to the review (before submitting). */
  savePending() {
    this.pendingForm()?.save();
  }

  closeForm() {
    this.form?.form.closest('.rr-form-row, .rr-file-form')?.remove();
    this.form = null;
    this.store.clear();
    for (const r of $$('tr.selected')) r.classList.remove('selected');
  }

  openForm(place, { existing, initial } = {}) {
    if (!this.canEdit()) return;
    if (this.form) {
      if (this.form.dirty()) {
        this.form.nudge();
        return;
      }
      this.closeForm();
    }
    const details = fileOf(place.file);
    if (!details) return;
    details.open = true;
    const lastFocus = document.activeElement;
    const form = buildForm({
      place,
      existing,
      initial,
      suggestion: () => linesOf(details, place.side, place.start, place.end),
      onSave: (comment) => {
        this.draft.upsertComment(comment);
        announce('Comment saved');
      },
      onInput: (state) => (form.dirty() ? this.store.save(state) : this.store.clear()),
      onClose: () => {
        this.closeForm();
        lastFocus?.focus?.();
      },
    });
    this.form = form;
    if (place.start === undefined) {
      $('.file-tools', details).after(el('div', { class: 'rr-file-form' }, form.form));
    } else {
      const row = rowFor(details, place.side, place.end);
      if (!row) return;
      row.closest('tbody.context')?.removeAttribute('hidden');
      row.after(
        el('tr', { class: 'rr-form-row' }, el('td', { colspan: $$('td', row).length }, form.form)),
      );
    }
    if (form.dirty()) this.store.save(form.state());
    form.text.focus();
  }

  /** Moves the open form, text and all, into the table the page shows now (a view switch). */
  relocateForm() {
    if (!this.form) return;
    const saved = this.form.state();
    this.form.form.closest('.rr-form-row, .rr-file-form')?.remove();
    this.form = null;
    const existing = saved.existing
      ? this.draft.comments().find((c) => c.id === saved.id)
      : undefined;
    const { file, side, start, end } = saved;
    this.openForm({ file, side, start, end }, { existing, initial: saved });
  }

  /** Reopens the form a reload interrupted, with its text. */
  restoreForm() {
    const saved = this.store.load();
    if (!saved || !this.canEdit() || !saved.body?.trim()) return;
    const existing = saved.existing
      ? this.draft.comments().find((c) => c.id === saved.id)
      : undefined;
    const { file, side, start, end } = saved;
    this.openForm({ file, side, start, end }, { existing, initial: saved });
  }

  // ---- showing comments ----
  commentView(c) {
    const body = el('div', { class: 'markdown rr-comment-body' });
    const rendered = markdown(c.body);
    if (c.start_line !== undefined) {
      const file = fileOf(c.file);
      if (file) showSuggestionsAgainst(rendered, linesOf(file, c.side, c.start_line, c.end_line));
    }
    body.append(rendered);
    const tools = this.canEdit()
      ? el(
          'div',
          { class: 'rr-comment-tools' },
          el(
            'button',
            {
              type: 'button',
              onclick: () =>
                this.openForm(
                  { file: c.file, side: c.side, start: c.start_line, end: c.end_line },
                  { existing: c },
                ),
            },
            'Edit',
          ),
          el(
            'button',
            {
              type: 'button',
              onclick: () => {
                this.draft.deleteComment(c.id);
                this.hooks.onDeleted?.(c.id);
              },
            },
            'Delete',
          ),
        )
      : null;
    return el(
      'article',
      {
        class: 'rr-comment',
        id: `comment-${c.id}`,
        tabindex: '-1',
        'aria-label': `Your comment on ${c.file}, ${where(c)}`,
      },
      el(
        'p',
        { class: 'rr-comment-meta' },
        el('span', {}, `You · ${where(c)}`),
        c.severity ? el('span', { class: `rr-sev rr-sev-${c.severity}` }, c.severity) : null,
      ),
      body,
      tools,
    );
  }

  /** Live comments in page order: by file as the page lists them, then by line. */
  sorted() {
    const order = new Map(files().map((f, i) => [f.dataset.file, i]));
    const rank = (c) => [order.get(c.file) ?? 1e9, c.start_line ?? -1, c.end_line ?? -1];
    return this.draft
      .comments()
      .slice()
      .sort((a, b) => {
        const [x, y] = [rank(a), rank(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      });
  }

  render() {
    for (const n of $$('.rr-comment-row, .rr-file-comments')) n.remove();
    const list = this.sorted();
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
      const tbody = row.closest('tbody.context');
      if (tbody) tbody.hidden = false;
      holder.firstChild.append(this.commentView(c));
    }
    this.renderList(list);
    this.hooks.onRender?.(list);
  }

  renderList(list) {
    const nav = $('#rr-comment-list');
    if (!nav) return;
    const range = (c) =>
      c.start_line === undefined
        ? ' (file)'
        : `:${c.start_line === c.end_line ? c.start_line : `${c.start_line}–${c.end_line}`}`;
    const items = list.map((c) =>
      el(
        'li',
        {},
        el(
          'a',
          {
            href: `#comment-${c.id}`,
            onclick: (e) => {
              e.preventDefault();
              const target = document.getElementById(`comment-${c.id}`);
              target?.closest('details.file')?.setAttribute('open', '');
              target?.scrollIntoView({ block: 'center' });
              target?.focus();
            },
          },
          `${c.file}${range(c)}`,
        ),
        c.severity ? ` (${c.severity})` : '',
      ),
    );
    nav.replaceChildren(
      el('h2', { class: 'nav-title' }, `Your comments (${list.length})`),
      list.length
        ? el('ul', {}, items)
        : el(
            'p',
            { class: 'muted' },
            'Click a line number to comment; drag or shift-click for a range.',
          ),
    );
  }
}
