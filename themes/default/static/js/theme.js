// The light/dark theme: `auto` follows the system; a choice is remembered in localStorage and
// set as `data-theme` on the root element, which the stylesheet reads.
import { el } from './dom.js';

const KEY = 'rr:theme';
const ORDER = ['auto', 'light', 'dark'];
const label = (theme) => `Theme: ${theme}`;

function apply(theme) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  localStorage.setItem(KEY, theme);
  return theme;
}

/** The status bar's theme button: applies the remembered theme, then cycles on click. */
export function themeButton() {
  const stored = localStorage.getItem(KEY);
  const button = el(
    'button',
    { type: 'button', id: 'rr-theme' },
    label(apply(ORDER.includes(stored) ? stored : 'auto')),
  );
  button.addEventListener('click', () => {
    const now = localStorage.getItem(KEY) || 'auto';
    button.textContent = label(apply(ORDER[(ORDER.indexOf(now) + 1) % ORDER.length]));
  });
  return button;
}
