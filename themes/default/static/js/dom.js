// Small DOM helpers: every element is built with text nodes, never from HTML strings, so
// candidate and scenario text cannot become markup.

/** el('button', {class: 'x', onclick: fn}, 'text', child) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function')
      node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

/** A random id from the browser's CSPRNG, base36. */
export function randomId(bytes = 12) {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(36).padStart(2, '0')).join('');
}

export function isTyping(event) {
  const t = event.target;
  return (
    t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))
  );
}

/** Announces a message to screen readers through the page's live region. */
export function announce(text) {
  const region = document.getElementById('rr-live');
  if (region) {
    region.textContent = '';
    setTimeout(() => {
      region.textContent = text;
    }, 30);
  }
}
