// The diff as a reader uses it: unified and split views (split built here from the server's
// unified rows), context expansion, per-file "viewed", the file filter, and where lines are.
import { $, $$, el, announce } from './dom.js';

const VIEW_KEY = 'rr:view';

export const files = () => $$('details.file');

/** The side and line a line-number cell stands for: unchanged lines count as "modified". */
export function cellPlace(cell) {
  if (!cell?.dataset.side) return null;
  return { side: cell.dataset.side, line: Number(cell.dataset.line) };
}

function markUnifiedCells(table) {
  for (const row of $$('tr.row', table)) {
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
  if (!row) return [el('td', { class: 'ln empty' }), el('td', { class: 'marker empty', 'aria-hidden': 'true' }), el('td', { class: 'code empty' })];
  const ln = $(which === 'original' ? 'td.ln-original' : 'td.ln-modified', row).cloneNode(true);
  ln.classList.add('ln');
  return [ln, $('td.marker', row).cloneNode(true), $('td.code', row).cloneNode(true)];
}

function splitRow(left, right) {
  const tr = el('tr', { class: 'row split-row' });
  if (left?.dataset.original) tr.dataset.original = left.dataset.original;
  if (right?.dataset.modified) tr.dataset.modified = right.dataset.modified;
  const leftCells = half(left, 'original');
  const rightCells = half(right, 'modified');
  if (left) leftCells.forEach((c) => c.classList.add(left.classList.contains('row-del') ? 'side-del' : 'side-ctx'));
  if (right) rightCells.forEach((c) => c.classList.add(right.classList.contains('row-add') ? 'side-add' : 'side-ctx'));
  tr.append(...leftCells, ...rightCells);
  return tr;
}

/** Builds the split table of a unified one, tbody for tbody, so expansion maps across. */
function buildSplit(unified) {
  const table = el('table', { class: 'diff diff-split', hidden: true },
    el('colgroup', {}, [0, 1].flatMap(() => [el('col', { class: 'ln-col' }), el('col', { class: 'marker-col' }), el('col', { class: 'code-col' })])));
  for (const body of $$('tbody', unified)) {
    const out = body.cloneNode(false);
    const rows = $$('tr', body);
    for (let i = 0; i < rows.length; ) {
      const row = rows[i];
      if (row.classList.contains('hunk-header') || !row.classList.contains('row')) {
        const copy = row.cloneNode(true);
        $$('td', copy).forEach((td) => td.setAttribute('colspan', '6'));
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
        for (let k = 0; k < Math.max(dels.length, adds.length); k += 1) out.append(splitRow(dels[k], adds[k]));
      }
    }
    table.append(out);
  }
  for (const row of $$('tr.split-row', table)) {
    const [leftLn, , , rightLn] = $$('td', row);
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
  return table;
}

export function currentView() {
  return localStorage.getItem(VIEW_KEY) === 'split' ? 'split' : 'unified';
}

/** The table a file shows now. */
export function activeTable(file) {
  return $(currentView() === 'split' ? 'table.diff-split' : 'table.diff:not(.diff-split)', file);
}

export function setView(view, onChange) {
  localStorage.setItem(VIEW_KEY, view);
  for (const file of files()) {
    const unified = $('table.diff:not(.diff-split)', file);
    let split = $('table.diff-split', file);
    if (view === 'split' && !split) {
      split = buildSplit(unified);
      unified.after(split);
    }
    unified.hidden = view === 'split';
    if (split) split.hidden = view !== 'split';
  }
  document.body.dataset.view = view;
  onChange?.();
  announce(view === 'split' ? 'Split view' : 'Unified view');
}

/** Shows the hidden context before hunk `i` (or after the last) in both views. */
function expand(file, selector) {
  for (const body of $$(`tbody.context${selector}`, file)) body.hidden = false;
  for (const button of $$(`button.expand${selector.replace('data-', 'data-for-')}`, file)) button.remove();
}

function addExpanders(file) {
  const unified = $('table.diff', file);
  for (const body of $$('tbody.context[data-before-hunk]', unified)) {
    const i = body.dataset.beforeHunk;
    const header = $(`tbody.hunk[data-hunk="${i}"] tr.hunk-header td`, unified);
    if (!header) continue;
    const count = $$('tr.row', body).length;
    header.prepend(el('button', { type: 'button', class: 'expand', 'data-for-before-hunk': i },
      `Expand ${count} line${count === 1 ? '' : 's'}`), ' ');
  }
  const after = $('tbody.context[data-after-last]', unified);
  if (after) {
    const count = $$('tr.row', after).length;
    unified.after(el('button', { type: 'button', class: 'expand expand-after', 'data-for-after-last': '' },
      `Show the remaining ${count} line${count === 1 ? '' : 's'}`));
  }
}

export function expandAll(file) {
  for (const body of $$('tbody.context', file)) body.hidden = false;
  for (const button of $$('button.expand', file)) button.remove();
}

function viewedKey(file) { return `rr:viewed:${location.pathname}:${file.dataset.file}`; }

export function updateProgress() {
  const changed = files().filter((f) => f.dataset.status !== 'unchanged');
  const viewed = changed.filter((f) => localStorage.getItem(viewedKey(f)) === '1').length;
  const out = $('#rr-progress');
  if (out) out.textContent = `${viewed} / ${changed.length} files viewed`;
}

export function toggleViewed(file, value) {
  const box = $('input.viewed', file);
  const next = value ?? !box.checked;
  box.checked = next;
  if (next) localStorage.setItem(viewedKey(file), '1');
  else localStorage.removeItem(viewedKey(file));
  if (next) file.open = false;
  updateProgress();
}

/** Adds the file toolbar (viewed, comment on file, expand all) and the expanders. */
export function enhanceFiles(onFileComment) {
  for (const file of files()) {
    const table = $('table.diff', file);
    markUnifiedCells(table);
    addExpanders(file);
    // Delegated, so the copies in the split table work too.
    file.addEventListener('click', (event) => {
      const button = event.target.closest('button.expand');
      if (!button) return;
      const hunk = button.dataset.forBeforeHunk;
      expand(file, hunk === undefined ? '[data-after-last]' : `[data-before-hunk="${hunk}"]`);
    });
    const name = file.dataset.file;
    const viewed = el('input', { type: 'checkbox', class: 'viewed', id: `viewed-${file.id}` });
    viewed.checked = localStorage.getItem(viewedKey(file)) === '1';
    viewed.addEventListener('change', () => toggleViewed(file, viewed.checked));
    const tools = el('div', { class: 'file-tools' },
      el('label', { for: viewed.id }, viewed, ' Viewed'),
      el('button', { type: 'button', class: 'file-comment', onclick: () => onFileComment(name) }, 'Comment on file'),
      el('button', { type: 'button', onclick: () => expandAll(file) }, 'Expand all'));
    $('summary', file).after(tools);
    if (viewed.checked) file.open = false;
  }
  updateProgress();
}

export function enhanceTree() {
  const nav = $('#file-tree');
  if (!nav) return;
  const input = el('input', { type: 'search', id: 'rr-filter', placeholder: 'Filter files', 'aria-label': 'Filter files' });
  input.addEventListener('input', () => {
    const needle = input.value.trim().toLowerCase();
    for (const li of $$('li[data-file]', nav)) li.hidden = needle !== '' && !li.dataset.file.toLowerCase().includes(needle);
  });
  $('.nav-title', nav)?.after(input);
}

const THEME_KEY = 'rr:theme';
export function applyTheme(theme = localStorage.getItem(THEME_KEY) || 'auto') {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  localStorage.setItem(THEME_KEY, theme);
  return theme;
}
export function nextTheme() {
  const order = ['auto', 'light', 'dark'];
  const now = localStorage.getItem(THEME_KEY) || 'auto';
  return applyTheme(order[(order.indexOf(now) + 1) % order.length]);
}
