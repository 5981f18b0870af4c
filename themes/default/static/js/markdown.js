// Candidate markdown, the page's rules (docs/design.md §5): links only for http, https and mailto,
// images shown as links, raw HTML shown as text; link targets may hold balanced parentheses. Output is built as DOM nodes, never innerHTML.
import { el } from './dom.js';

const SAFE = /^(https?:|mailto:)/i;

export function safeHref(url) {
  const trimmed = url.trim();
  return SAFE.test(trimmed) ? trimmed : null;
}

// Code spans are cut out first (a code span's content is never markup), each left as a
// placeholder `\uE000n\uE001` that the text around it carries through the other rules.
const CODE = /(`+)([^`]|[^`][\s\S]*?[^`])\1/g;
const MARK = /\uE000(\d+)\uE001/g;
// `_` and `__` open only after a space, punctuation or the start and close only before one
// (CommonMark's flanking rules: never inside a word, so snake_case stays text; a single `_`
// is never part of a longer run); `*` may sit inside a word but, like `_`, neither opens
// before a space nor closes after one.
const EDGE_BEFORE = '(?<![^\\s\\p{P}\\p{S}\\uE001])';
const EDGE_AFTER = '(?![^\\s\\p{P}\\p{S}\\uE000])';
// One level of `*` nesting: *em with **strong** inside*, **strong with *em* inside**, and
// ***both*** (em outside, as CommonMark nests it). Each inner run is whole, and an em's closing
// `*` may be followed by more stars (`*foo**`) but not open a run (`*a**b**c*` is one em), so
// the outer one cannot end inside the inner.
const STRONG_IN_EM = '\\*\\*[^*]+\\*\\*';
const EM_IN_STRONG = '\\*[^*\\s](?:[^*]*[^*\\s])?\\*(?!\\*[^*\\s])';
const URL_PART = '(?:[^()\\s\\uE000]|\\([^()\\s\\uE000]*\\))*';
const SPANS = new RegExp(
  [
    `!\\[([^\\]]*)\\]\\((${URL_PART})\\)`,
    `\\[([^\\]]+)\\]\\((${URL_PART})\\)`,
    '\\*\\*\\*([^*\\s](?:[^*]*[^*\\s])?)\\*\\*\\*(?!\\*)',
    `\\*\\*((?:[^*]|${EM_IN_STRONG})+)\\*\\*`,
    `${EDGE_BEFORE}(?<!_)__(?![\\s_])([\\s\\S]*?[^\\s_])__(?!_)${EDGE_AFTER}`,
    `\\*((?![\\s*])(?:[^*]|${STRONG_IN_EM})*?[^*\\s])\\*(?!\\*[^*\\s])`,
    `${EDGE_BEFORE}(?<!_)_(?![\\s_])([\\s\\S]*?[^\\s_])_(?!_)${EDGE_AFTER}`,
    '~~([^~]+)~~',
    '(https?:\\/\\/[^\\s<\\uE000]+[^\\s<.,:;"\')\\]\\uE000])',
  ].join('|'),
  'gu',
);
const LINK = { rel: 'noopener noreferrer nofollow', target: '_blank' };

/** Inline spans: `code`, **strong**, *em*, ~~del~~, [text](url), ![alt](url). */
export function inline(text) {
  const codes = [];
  const marked = text.replace(CODE, (_, _ticks, body) => `\uE000${codes.push(body) - 1}\uE001`);
  return spans(marked, codes);
}

/** The spans of `text` whose code spans are placeholders into `codes`. */
function spans(text, codes) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(SPANS)) {
    if (m.index > last) out.push(...unmark(text.slice(last, m.index), codes));
    if (m[2] !== undefined) {
      const href = safeHref(m[2]);
      const label = ['image: ', ...unmark(m[1] || m[2], codes)];
      out.push(href ? el('a', { href, ...LINK }, ...label) : label);
    } else if (m[3] !== undefined) {
      const href = safeHref(m[4]);
      const label = spans(m[3], codes);
      out.push(href ? el('a', { href, ...LINK }, ...label) : label);
    } else if (m[5]) out.push(el('em', {}, el('strong', {}, ...spans(m[5], codes))));
    else if (m[6] || m[7]) out.push(el('strong', {}, ...spans(m[6] || m[7], codes)));
    else if (m[8] || m[9]) out.push(el('em', {}, ...spans(m[8] || m[9], codes)));
    else if (m[10]) out.push(el('del', {}, ...spans(m[10], codes)));
    else if (m[11]) out.push(el('a', { href: m[11], ...LINK }, m[11]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...unmark(text.slice(last), codes));
  return out.flat();
}

/** Text with its code-span placeholders back as `<code>` elements. */
function unmark(text, codes) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    const code = codes[Number(m[1])];
    if (code === undefined) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(el('code', {}, code));
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
