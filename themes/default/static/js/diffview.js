// The diff as a reader uses it: unified and split views (the rows themselves are rows.js's),
// context expansion, per-file "viewed", the file filter, and where lines are.
import { $, $$, announce, el } from './dom.js';
import { buildSplit, fill, markUnifiedCells, materialize, onTable, watchLater } from './rows.js';

const VIEW_KEY = 'rr:view';

export const files = () => $$('details.file');

/** The side and line a line-number cell stands for: unchanged lines count as "modified". */
export function cellPlace(cell) {
  if (!cell?.dataset.side) return null;
  return { side: cell.dataset.side, line: Number(cell.dataset.line) };
}

/** Below this width the page is always unified: split halves would be unreadable. */
export const narrow = window.matchMedia('(max-width: 900px)');

/** The view the reader chose (kept across visits). */
export function preferredView() {
  return localStorage.getItem(VIEW_KEY) === 'split' ? 'split' : 'unified';
}

/** The view shown now: the chosen one, unified on a narrow window. */
export function currentView() {
  return narrow.matches ? 'unified' : preferredView();
}

/** The table a file shows now. */
export function activeTable(file) {
  return $(currentView() === 'split' ? 'table.diff-split' : 'table.diff:not(.diff-split)', file);
}

/** The bottom edge of what is sticky at the top (the status bar), in viewport pixels. */
export function stickyTop() {
  return document.getElementById('rr-bar')?.getBoundingClientRect().bottom ?? 0;
}

/** The changed or unchanged file shown just under the status bar, or null above the first. */
export function fileInView() {
  const top = stickyTop() + 1;
  return (
    files().find((f) => {
      const box = f.getBoundingClientRect();
      return box.top <= top + 40 && box.bottom > top;
    }) || null
  );
}

/** The first line row at the top of the window: what a view switch keeps in place. */
function topLine() {
  const top = stickyTop();
  for (const file of files()) {
    const box = file.getBoundingClientRect();
    if (!file.open || box.bottom <= top) continue;
    if (box.top > window.innerHeight) return null;
    // The first row fully in view below the file's sticky header: the line the reader sees first.
    const below = Math.max(top, $('summary', file).getBoundingClientRect().bottom);
    const row = $$('tr.row', activeTable(file)).find(
      (r) => r.offsetParent && r.getBoundingClientRect().top >= below,
    );
    if (!row) continue;
    const side = row.dataset.modified ? 'modified' : 'original';
    return { file, side, line: row.dataset[side], y: row.getBoundingClientRect().top };
  }
  return null;
}

/** Shows a drawn file's table for `view`, building the split one the first time. */
function showView(file, view) {
  const unified = $('table.diff:not(.diff-split)', file);
  if (!unified) return;
  let split = $('table.diff-split', file);
  if (view === 'split' && !split) {
    split = buildSplit(unified);
    unified.after(split);
  }
  unified.hidden = view === 'split';
  if (split) split.hidden = view !== 'split';
}

export function setView(view, onChange) {
  const anchor = topLine();
  localStorage.setItem(VIEW_KEY, view);
  const shown = currentView();
  document.body.dataset.view = shown;
  for (const file of files()) showView(file, shown);
  onChange?.();
  if (anchor) {
    const row = $(`tr.row[data-${anchor.side}="${anchor.line}"]`, activeTable(anchor.file));
    if (row) window.scrollBy(0, row.getBoundingClientRect().top - anchor.y);
  }
  announce(shown === 'split' ? 'Split view' : 'Unified view');
}

/** Shows the hidden context before hunk `i` (or after the last) in both views. */
function expand(file, selector) {
  for (const body of $$(`table.diff:not(.diff-split) tbody.context${selector}`, file))
    fill(file, body);
  for (const body of $$(`tbody.context${selector}`, file)) body.hidden = false;
  for (const button of $$(`button.expand${selector.replace('data-', 'data-for-')}`, file))
    button.remove();
}

/** Adds the expanders a file's table lacks (again when rows that came later are drawn). */
function addExpanders(file) {
  const unified = $('table.diff', file);
  for (const body of $$('tbody.context[data-before-hunk]', unified)) {
    const i = body.dataset.beforeHunk;
    const header = $(`tbody.hunk[data-hunk="${i}"] tr.hunk-header td`, unified);
    if (!header || !body.hidden || $('button.expand', header)) continue;
    const count = Number(body.dataset.lines);
    header.prepend(
      el(
        'button',
        { type: 'button', class: 'expand', 'data-for-before-hunk': i },
        `Expand ${count} line${count === 1 ? '' : 's'}`,
      ),
      ' ',
    );
  }
  const after = $('tbody.context[data-after-last]', unified);
  if (after?.hidden && !$('button.expand-after', file)) {
    const count = Number(after.dataset.lines);
    unified.after(
      el(
        'button',
        { type: 'button', class: 'expand expand-after', 'data-for-after-last': '' },
        `Show the remaining ${count} line${count === 1 ? '' : 's'}`,
      ),
    );
  }
}

export function expandAll(file) {
  materialize(file);
  for (const body of $$('table.diff:not(.diff-split) tbody.context', file)) fill(file, body);
  for (const body of $$('tbody.context', file)) body.hidden = false;
  for (const button of $$('button.expand', file)) button.remove();
}

function viewedKey(file) {
  return `rr:viewed:${location.pathname}:${file.dataset.file}`;
}

export const isViewed = (file) => localStorage.getItem(viewedKey(file)) === '1';

export function updateProgress() {
  const changed = files().filter((f) => f.dataset.status !== 'unchanged');
  const viewed = changed.filter(isViewed).length;
  const out = $('#rr-progress');
  if (out) out.textContent = `${viewed} / ${changed.length} files viewed`;
  markTree();
}

export function toggleViewed(file, value) {
  const box = $('input.viewed', file);
  if (box.disabled) return;
  const next = value ?? !box.checked;
  box.checked = next;
  if (next) localStorage.setItem(viewedKey(file), '1');
  else localStorage.removeItem(viewedKey(file));
  if (next) file.open = false;
  updateProgress();
}

/** What a file's table gets at load, and again when rows that came later are drawn: line
 *  cells marked, expanders, the split twin when that view is shown, an estimated height. */
function setUpTable(file, later) {
  const table = $('table.diff', file);
  // Rows that came later: only their groups are new.
  for (const root of later ?? [table]) markUnifiedCells(root);
  addExpanders(file);
  // An unchanged file's lines become rows when it is first opened.
  const whole = $('tbody.file-lines[data-lines]', table);
  if (whole && !later)
    file.addEventListener('toggle', () => {
      if (file.open) fill(file, whole);
    });
  // Until it is drawn, an off-screen file keeps about the height its rows will take.
  const waiting = Number($('noscript.rows-later', file)?.dataset.rows || 0);
  const rows = file.open ? $$('tr', table).length + waiting : 0;
  file.style.containIntrinsicSize = `auto ${Math.round(rows * 20 + 80)}px`;
  if (later && document.body.dataset.view) showView(file, currentView());
}

/** A submitted review cannot change: the viewed marks stay as sent, no file takes a comment. */
export function fixFiles() {
  for (const box of $$('input.viewed')) box.disabled = true;
  for (const button of $$('button.file-comment')) button.hidden = true;
}

/** Adds the file toolbar (viewed, comment on file, expand all) and the expanders. */
export function enhanceFiles(onFileComment) {
  onTable(setUpTable);
  watchLater();
  for (const file of files()) {
    // Delegated, so the copies in the split table work too.
    file.addEventListener('click', (event) => {
      const button = event.target.closest('button.expand');
      if (!button) return;
      const hunk = button.dataset.forBeforeHunk;
      expand(file, hunk === undefined ? '[data-after-last]' : `[data-before-hunk="${hunk}"]`);
    });
    const name = file.dataset.file;
    const viewed = el('input', { type: 'checkbox', class: 'viewed', id: `viewed-${file.id}` });
    viewed.checked = isViewed(file);
    viewed.addEventListener('change', () => toggleViewed(file, viewed.checked));
    const tools = el(
      'div',
      { class: 'file-tools' },
      el('label', { for: viewed.id }, viewed, ' Viewed'),
      el(
        'button',
        {
          type: 'button',
          class: 'file-comment',
          onclick: (e) => onFileComment(name, e.currentTarget),
        },
        'Comment on file',
      ),
      el('button', { type: 'button', onclick: () => expandAll(file) }, 'Expand all'),
    );
    $('summary', file).after(tools);
    if (viewed.checked) file.open = false;
  }
  updateProgress();
}

/** Nests `li[data-file]` items by folder; a folder with one child folder shows as `a/b/`. */
function treeOf(items) {
  const root = { dirs: new Map(), files: [] };
  for (const li of items) {
    const parts = li.dataset.file.split('/');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      if (!node.dirs.has(part)) node.dirs.set(part, { dirs: new Map(), files: [] });
      node = node.dirs.get(part);
    }
    const link = $('a', li);
    link.title = li.dataset.file;
    link.textContent = parts[parts.length - 1];
    li.classList.add('tree-file');
    node.files.push(li);
  }
  const draw = (node) => {
    const out = [];
    for (const [name, child] of node.dirs) {
      let label = `${name}/`;
      let inner = child;
      while (inner.files.length === 0 && inner.dirs.size === 1) {
        const [[next, deeper]] = inner.dirs;
        label += `${next}/`;
        inner = deeper;
      }
      out.push(
        el(
          'li',
          { class: 'tree-dir' },
          el('span', { class: 'tree-dir-name' }, label),
          el('ul', {}, draw(inner)),
        ),
      );
    }
    return out.concat(node.files);
  };
  return draw(root);
}

/** The file list as a folder tree with viewed, commented and current-file marks. */
export function enhanceTree() {
  const nav = $('#file-tree');
  if (!nav) return;
  for (const list of $$(':scope > ul', nav)) {
    list.classList.add('tree');
    list.replaceChildren(...treeOf($$('li[data-file]', list)));
  }
  for (const li of $$('li[data-file]', nav)) {
    li.append(el('span', { class: 'tree-marks' }));
  }
  const input = el('input', {
    type: 'search',
    id: 'rr-filter',
    placeholder: 'Filter files',
    'aria-label': 'Filter files',
  });
  input.addEventListener('input', () => {
    const needle = input.value.trim().toLowerCase();
    for (const li of $$('li[data-file]', nav))
      li.hidden = needle !== '' && !li.dataset.file.toLowerCase().includes(needle);
  });
  $('.nav-title', nav)?.after(input);
  let pending = false;
  window.addEventListener(
    'scroll',
    () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        markCurrent();
      });
    },
    { passive: true },
  );
  markTree();
}

let commentCounts = new Map();

/** Marks each file of the tree: viewed, how many comments. */
export function markTree(comments) {
  if (comments) {
    commentCounts = new Map();
    for (const c of comments) commentCounts.set(c.file, (commentCounts.get(c.file) || 0) + 1);
  }
  for (const li of $$('#file-tree li[data-file]')) {
    const marks = $('.tree-marks', li);
    if (!marks) continue;
    const file = files().find((f) => f.dataset.file === li.dataset.file);
    const viewed = Boolean(file) && file.dataset.status !== 'unchanged' && isViewed(file);
    const n = commentCounts.get(li.dataset.file) || 0;
    li.classList.toggle('is-viewed', viewed);
    marks.replaceChildren(
      viewed
        ? el(
            'span',
            { class: 'tree-viewed', title: 'Viewed' },
            '✓',
            el('span', { class: 'visually-hidden' }, ' viewed'),
          )
        : '',
      n
        ? el(
            'span',
            { class: 'tree-count', title: `${n} comment${n === 1 ? '' : 's'}` },
            String(n),
            el('span', { class: 'visually-hidden' }, ` comment${n === 1 ? '' : 's'}`),
          )
        : '',
    );
  }
  markCurrent();
}

/** Marks the file shown under the status bar as the current one in the tree. */
function markCurrent() {
  const now = fileInView()?.dataset.file;
  for (const li of $$('#file-tree li[data-file]')) {
    const link = $('a', li);
    if (li.dataset.file === now) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}
