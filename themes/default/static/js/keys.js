// Keyboard: j/k hunks, ]/[ files, c comment, v viewed, s split/unified, ? help.
import { $, $$, el, isTyping } from './dom.js';
import { activeTable, files, toggleViewed } from './diffview.js';

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
  const dialog = el('dialog', { id: 'rr-help', 'aria-labelledby': 'rr-help-title' },
    el('h2', { id: 'rr-help-title' }, 'Keyboard shortcuts'),
    el('dl', {}, HELP.flatMap(([k, v]) => [el('dt', {}, el('kbd', {}, k)), el('dd', {}, v)])),
    el('button', { type: 'button', onclick: () => dialog.close() }, 'Close'));
  const back = document.activeElement;
  dialog.addEventListener('close', () => { dialog.remove(); back?.focus?.(); });
  document.body.append(dialog);
  dialog.showModal();
}

export function installKeys({ comment, switchView }) {
  let current = null;
  const headers = () => files().filter((f) => f.open).flatMap((f) => $$('tr.hunk-header', activeTable(f)));
  const focusRow = (row) => {
    if (!row) return;
    current = row;
    row.setAttribute('tabindex', '-1');
    row.focus();
    row.scrollIntoView({ block: 'center' });
  };
  const currentFile = () => current?.closest('details.file') || document.activeElement?.closest?.('details.file') || files()[0];
  document.addEventListener('keydown', (event) => {
    if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey || $('dialog[open]')) return;
    const list = headers();
    const at = current ? list.indexOf(current) : -1;
    switch (event.key) {
      case 'j': focusRow(list[Math.min(at + 1, list.length - 1)]); break;
      case 'k': focusRow(list[Math.max(at - 1, 0)]); break;
      case ']':
      case '[': {
        const all = files();
        const i = all.indexOf(currentFile());
        const next = all[event.key === ']' ? Math.min(i + 1, all.length - 1) : Math.max(i - 1, 0)];
        next.open = true;
        focusRow($('tr.hunk-header', activeTable(next)) || next);
        $('summary', next).focus();
        break;
      }
      case 'c': {
        const row = current?.closest('tbody')?.querySelector('tr.row-add, tr.row-del') || current?.closest('tbody')?.querySelector('tr.row');
        if (row) comment(row);
        break;
      }
      case 'v': toggleViewed(currentFile()); break;
      case 's': switchView(); break;
      case '?': showHelp(); break;
      default: return;
    }
    event.preventDefault();
  });
}
