// Keyboard: j/k hunks, ]/[ files, c comment, v viewed, s split/unified, ? help.

import { activeTable, fileInView, files, stickyTop, toggleViewed } from './diffview.js';
import { $, $$, announce, el, isTyping } from './dom.js';
import { materialize } from './rows.js';

const HELP = [
  ['j / k', 'next / previous hunk'],
  ['] / [', 'next / previous file'],
  ['c', 'comment on the current hunk (or the selected line)'],
  ['v', 'mark the current file viewed'],
  ['s', 'switch between unified and split view'],
  ['?', 'this help'],
  ['Ctrl+Enter', 'save the comment you are writing'],
  ['Escape', 'close a form or dialog'],
];

export function showHelp() {
  $('#rr-help')?.remove();
  const dialog = el(
    'dialog',
    { id: 'rr-help', 'aria-labelledby': 'rr-help-title' },
    el('h2', { id: 'rr-help-title' }, 'Keyboard shortcuts'),
    el(
      'dl',
      {},
      HELP.flatMap(([k, v]) => [el('dt', {}, el('kbd', {}, k)), el('dd', {}, v)]),
    ),
    el('button', { type: 'button', onclick: () => dialog.close() }, 'Close'),
  );
  const back = document.activeElement;
  dialog.addEventListener('close', () => {
    dialog.remove();
    back?.focus?.();
  });
  document.body.append(dialog);
  dialog.showModal();
}

export function installKeys({ comment, switchView }) {
  let current = null;
  const headers = () =>
    files()
      .filter((f) => f.open)
      .flatMap((f) => $$('tr.hunk-header', activeTable(f)));
  const focusRow = (row) => {
    if (!row) return;
    current = row;
    row.setAttribute('tabindex', '-1');
    row.focus();
    row.scrollIntoView({ block: 'center' });
  };
  /** The file being read: the one holding focus or the last jump when it is on screen,
   *  else the one under the status bar; null above the first file. */
  const currentFile = () => {
    const held =
      document.activeElement?.closest?.('details.file') || current?.closest('details.file');
    const box = held?.getBoundingClientRect();
    if (held && box.bottom > stickyTop() && box.top < window.innerHeight) return held;
    return fileInView();
  };
  /** `]` / `[`: the file after / before the current one; from above the first file, the first. */
  const step = (forward) => {
    const all = files();
    const now = currentFile();
    if (!now)
      return forward
        ? all.find((f) => f.getBoundingClientRect().top >= stickyTop()) || all[0]
        : all[0];
    const i = all.indexOf(now);
    return all[forward ? Math.min(i + 1, all.length - 1) : Math.max(i - 1, 0)];
  };
  /** Draws the open files from the current one onward (or back) up to one with a hunk, so
   *  `j`/`k` reach hunks whose rows come later. */
  const drawToward = (forward) => {
    const all = files();
    const from = all.indexOf(current?.closest('details.file') || currentFile() || all[0]);
    const order = forward ? all.slice(from + 1) : all.slice(0, Math.max(from, 0)).reverse();
    for (const file of order) {
      if (!file.open) continue;
      materialize(file);
      if ($('tr.hunk-header', activeTable(file))) return;
    }
  };
  document.addEventListener('keydown', (event) => {
    if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey || $('dialog[open]'))
      return;
    if (event.key === 'j' || event.key === 'k') drawToward(event.key === 'j');
    const list = headers();
    const at = current ? list.indexOf(current) : -1;
    switch (event.key) {
      case 'j':
        focusRow(list[Math.min(at + 1, list.length - 1)]);
        break;
      case 'k':
        focusRow(list[Math.max(at - 1, 0)]);
        break;
      case ']':
      case '[': {
        const next = step(event.key === ']');
        next.open = true;
        materialize(next);
        focusRow($('tr.hunk-header', activeTable(next)) || next);
        $('summary', next).focus();
        break;
      }
      case 'c': {
        const row =
          current?.closest('tbody')?.querySelector('tr.row-add, tr.row-del') ||
          current?.closest('tbody')?.querySelector('tr.row');
        if (row) comment(row);
        break;
      }
      case 'v': {
        const file = currentFile();
        if (file && $('input.viewed', file)?.disabled)
          announce('Your review was submitted: viewed marks no longer change');
        else if (file && file.dataset.status !== 'unchanged') {
          toggleViewed(file);
          announce(
            `${file.dataset.file} ${$('input.viewed', file).checked ? 'marked viewed' : 'no longer viewed'}`,
          );
        } else announce('Go to a changed file first (] for the next file)');
        break;
      }
      case 's':
        switchView();
        break;
      case '?':
        showHelp();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}
