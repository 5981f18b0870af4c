// Candidate markdown, the page's rules (docs/design.md §5): links only for http, https and mailto,
// images shown as links, raw HTML shown as text; link targets may hold balanced parentheses. Output is built as DOM nodes, never innerHTML.
import { el } from './dom.js';

const SAFE = /^(https?:|mailto:)/i;

export function safeHref(url) {
  const trimmed = url.trim();
  return SAFE.test(trimmed) ? trimmed : null;
}

/** Inline spans: `code`, **strong**, *em*, ~~del~~, [text](url), ![alt](url). */
export function inline(text) {
  const out = [];
  const pattern =
    /(`+)([^`]|[^`][\s\S]*?[^`])\1|!\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|~~([^~]+)~~|(https?:\/\/[^\s<]+[^\s<.,:;"')\]])/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1]) out.push(el('code', {}, m[2]));
    else if (m[4] !== undefined) {
      const href = safeHref(m[4]);
      const label = `image: ${m[3] || m[4]}`;
      out.push(
        href
          ? el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, label)
          : label,
      );
    } else if (m[5] !== undefined) {
      const href = safeHref(m[6]);
      out.push(
        href
          ? el(
              'a',
              { href, rel: 'noopener noreferrer nofollow', target: '_blank' },
              ...inline(m[5]),
            )
          : m[5],
      );
    } else if (m[7] || m[8]) out.push(el('strong', {}, ...inline(m[7] || m[8])));
    else if (m[9] || m[10]) out.push(el('em', {}, ...inline(m[9] || m[10])));
    else if (m[11]) out.push(el('del', {}, ...inline(m[11])));
    else if (m[12])
      out.push(
        el('a', { href: m[12], rel: 'noopener noreferrer nofollow', target: '_blank' }, m[12]),
      );
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Markdown text to a DocumentFragment. */
export function render(text) {
  const root = document.createDocumentFragment();
  const lines = String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let i = 0;
  let para = [];
  const flush = () => {
    if (para.length) root.append(el('p', {}, ...inline(para.join('\n'))));
    para = [];
  };
  while (i < lines.length) {
    const line = lines[i];
    const fence = line.match(/^\s*(```|~~~)\s*([\w-]*)/);
    if (fence) {
      flush();
      const body = [];
      i += 1;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      i += 1;
      const lang = fence[2];
      const pre = el(
        'pre',
        { class: lang === 'suggestion' ? 'suggestion' : null },
        el('code', {}, body.join('\n')),
      );
      root.append(
        lang === 'suggestion'
          ? el(
              'div',
              { class: 'suggestion-block' },
              el('p', { class: 'suggestion-title' }, 'Suggested change'),
              pre,
            )
          : pre,
      );
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      flush();
      root.append(el(`h${Math.min(6, heading[1].length + 2)}`, {}, ...inline(heading[2])));
      i += 1;
      continue;
    }
    if (/^\s*>/.test(line)) {
      flush();
      const quoted = [];
      while (i < lines.length && /^\s*>/.test(lines[i]))
        quoted.push(lines[i++].replace(/^\s*>\s?/, ''));
      const q = el('blockquote');
      q.append(render(quoted.join('\n')));
      root.append(q);
      continue;
    }
    const item = line.match(/^\s*([-*+]|\d+[.)])\s+(.*)$/);
    if (item) {
      flush();
      const ordered = /\d/.test(item[1]);
      const list = el(ordered ? 'ol' : 'ul');
      while (i < lines.length) {
        const m = lines[i].match(/^\s*([-*+]|\d+[.)])\s+(.*)$/);
        if (!m) break;
        list.append(el('li', {}, ...inline(m[2])));
        i += 1;
      }
      root.append(list);
      continue;
    }
    if (!line.trim()) flush();
    else para.push(line);
    i += 1;
  }
  flush();
  return root;
}

/**
 * The Write/Preview pair of a markdown text box: the button swaps `textarea` for its rendering.
 * Returns `{preview, button}` for the form to place.
 */
export function previewToggle(textarea) {
  const preview = el('div', { class: 'markdown rr-preview', hidden: true, 'aria-live': 'polite' });
  const button = el('button', { type: 'button', 'aria-pressed': 'false' }, 'Preview');
  button.addEventListener('click', () => {
    const on = preview.hidden;
    preview.replaceChildren(render(textarea.value || 'Nothing to preview.'));
    preview.hidden = !on;
    textarea.hidden = on;
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Write' : 'Preview';
  });
  return { preview, button };
}
