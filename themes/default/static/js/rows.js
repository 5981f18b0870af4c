// A file's rows as the page's script makes them: line-number cells marked with the place they
// stand for, the split table built from the server's unified rows, and the lines that arrive as
// data (hidden context, unchanged files) made rows when first shown or needed.
import { $, $$, el } from './dom.js';

export function markUnifiedCells(root) {
  for (const row of $$('tr.row', root)) {
    const ctx = row.classList.contains('row-ctx');
    const [left, right] = $$('td.ln', row);
    if (left && row.dataset.original) {
      left.dataset.side = ctx ? 'modified' : 'original';
      left.dataset.line = ctx ? row.dataset.modified : row.dataset.original;
    }
    if (right && row.dataset.modified) {
      right.dataset.side = 'modified';
      right.dataset.line = row.dataset.modified;
    }
  }
}

function half(row, which) {
  if (!row) return [el('td', { class: 'ln empty' }), el('td', { class: 'code empty' })];
  const ln = $(which === 'original' ? 'td.ln-original' : 'td.ln-modified', row).cloneNode(true);
  ln.classList.add('ln');
  return [ln, $('td.code', row).cloneNode(true)];
}

function splitRow(left, right) {
  const tr = el('tr', { class: 'row split-row' });
  if (left?.dataset.original) tr.dataset.original = left.dataset.original;
  if (right?.dataset.modified) tr.dataset.modified = right.dataset.modified;
  const leftCells = half(left, 'original');
  const rightCells = half(right, 'modified');
  const leftClass = left?.classList.contains('row-del') ? 'side-del' : 'side-ctx';
  const rightClass = right?.classList.contains('row-add') ? 'side-add' : 'side-ctx';
  if (left) for (const c of leftCells) c.classList.add(leftClass);
  if (right) for (const c of rightCells) c.classList.add(rightClass);
  tr.append(...leftCells, ...rightCells);
  return tr;
}

/** The split rows of one unified `<tbody>`'s rows, appended to `out`. */
function splitRows(rows, out) {
  for (let i = 0; i < rows.length; ) {
    const row = rows[i];
    if (row.classList.contains('hunk-header') || !row.classList.contains('row')) {
      const copy = row.cloneNode(true);
      for (const td of $$('td', copy)) td.setAttribute('colspan', '4');
      out.append(copy);
      i += 1;
    } else if (row.classList.contains('row-ctx')) {
      out.append(splitRow(row, row));
      i += 1;
    } else {
      const dels = [];
      const adds = [];
      while (i < rows.length && rows[i].classList.contains('row-del')) dels.push(rows[i++]);
      while (i < rows.length && rows[i].classList.contains('row-add')) adds.push(rows[i++]);
      for (let k = 0; k < Math.max(dels.length, adds.length); k += 1)
        out.append(splitRow(dels[k], adds[k]));
    }
  }
  markSplitCells(out);
}

function markSplitCells(root) {
  for (const row of $$('tr.split-row', root)) {
    const [leftLn, , rightLn] = $$('td', row);
    const ctx = leftLn.classList.contains('side-ctx');
    if (row.dataset.original && leftLn) {
      leftLn.dataset.side = ctx ? 'modified' : 'original';
      leftLn.dataset.line = ctx ? row.dataset.modified : row.dataset.original;
    }
    if (row.dataset.modified && rightLn) {
      rightLn.dataset.side = 'modified';
      rightLn.dataset.line = row.dataset.modified;
    }
  }
}

/** Builds the split table of a unified one, tbody for tbody, so expansion maps across. */
export function buildSplit(unified) {
  const table = el(
    'table',
    { class: 'diff diff-split', hidden: true },
    el(
      'colgroup',
      {},
      [0, 1].flatMap(() => [el('col', { class: 'ln-col' }), el('col', { class: 'code-col' })]),
    ),
  );
  for (const body of $$('tbody', unified)) table.append(splitBody(body));
  return table;
}

/** The split twin of one unified `<tbody>`. */
function splitBody(body) {
  const out = body.cloneNode(false);
  splitRows($$('tr', body), out);
  return out;
}

// ---- lines on demand ----
// Hidden context and unchanged files arrive as empty `tbody[data-lines]` groups; their lines are
// in the file's `script.line-data` (one array per group, in page order, of each line's
// highlighted HTML, escaped by the generator) and become rows when first shown or needed.

const lineData = new WeakMap();

function dataOf(file) {
  if (!lineData.has(file))
    lineData.set(file, JSON.parse($('script.line-data', file)?.textContent || '[]'));
  return lineData.get(file);
}

/** Turns an on-demand group of the unified table (and its twin in the split one) into rows. */
export function fill(file, body) {
  if (!body.dataset.lines || body.dataset.filled) return;
  const unified = $('table.diff:not(.diff-split)', file);
  const groups = $$('tbody[data-lines]', unified);
  const index = groups.indexOf(body);
  const lines = dataOf(file)[index] || [];
  const o = Number(body.dataset.originalFrom);
  const m = Number(body.dataset.modifiedFrom);
  // The lines are the generator's own escaped markup, like the rest of the page's rows.
  body.innerHTML = lines
    .map(
      (html, k) =>
        `<tr class="row row-ctx" data-original="${o + k}" data-modified="${m + k}"><td class="ln ln-original">${o + k}</td><td class="ln ln-modified">${m + k}</td><td class="code">${html}</td></tr>`,
    )
    .join('');
  body.dataset.filled = '1';
  markUnifiedCells(body);
  const split = $('table.diff-split', file);
  const twin = split && $$('tbody[data-lines]', split)[index];
  if (twin && !twin.dataset.filled) {
    splitRows($$('tr', body), twin);
    twin.dataset.filled = '1';
  }
}

/** Makes sure the row of `line` on `side` exists (filling the group that holds it); returns
 *  the group when it is a hidden one, so the caller can show it. */
export function ensureLine(file, side, line) {
  materialize(file);
  const from = side === 'original' ? 'originalFrom' : 'modifiedFrom';
  for (const body of $$('table.diff:not(.diff-split) tbody[data-lines]', file)) {
    const start = Number(body.dataset[from]);
    if (line >= start && line < start + Number(body.dataset.lines)) {
      fill(file, body);
      return body;
    }
  }
  return null;
}

// ---- rows later ----
// On a large change the hunks past the page's first screens come after their file's table in
// `noscript.rows-later`, as a table of their own: a reader without JavaScript sees them like any
// others, the page's script gets one text node per file and moves them into the file's table
// when the file nears the window, when a line of theirs is needed, before find-in-page
// (Ctrl/Cmd+F) and before printing.

const drawnHooks = [];

/** Runs `hook(file, bodies)` for each file's table: now for every file, and again with the
 *  new `<tbody>` groups when rows that came later are drawn. */
export function onTable(hook) {
  drawnHooks.push(hook);
  for (const file of $$('details.file')) hook(file, null);
}

/** Draws the rows of a file that came later (the generator's own escaped markup). */
export function materialize(file) {
  const later = file && $('noscript.rows-later', file);
  if (!later) return;
  const template = document.createElement('template');
  template.innerHTML = later.textContent;
  const bodies = $$('tbody', template.content);
  $('table.diff:not(.diff-split)', file).append(...bodies);
  $('.rows-later-space', file)?.remove();
  later.remove();
  const split = $('table.diff-split', file);
  if (split) for (const body of bodies) split.append(splitBody(body));
  for (const hook of drawnHooks) hook(file, bodies);
}

export function materializeAll() {
  for (const file of $$('details.file')) materialize(file);
}

/** Keeps room for the rows that come later and draws them as their file nears the window. */
export function watchLater() {
  const waiting = $$('noscript.rows-later');
  if (waiting.length === 0) return;
  const sample = $('table.diff tr.row');
  const rowHeight = sample?.getBoundingClientRect().height || 20;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        materialize(entry.target);
      }
    },
    { rootMargin: '1500px 0px' },
  );
  for (const later of waiting) {
    const space = el('div', { class: 'rows-later-space' });
    space.style.height = `${Number(later.dataset.rows) * rowHeight}px`;
    later.after(space);
    observer.observe(later.closest('details.file'));
  }
  document.addEventListener(
    'keydown',
    (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') materializeAll();
    },
    true,
  );
  window.addEventListener('beforeprint', materializeAll);
}
