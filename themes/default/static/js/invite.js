// The invite token: read from the address's fragment once, kept in localStorage under the
// page's path, removed from the address bar; sent only as a Bearer header.

const key = () => `rr:token:${location.pathname}`;
const TOKEN = /^rr1_[A-Za-z0-9_-]{22}$/;

/** The token from `#invite=...` (stored, then removed from the address) or from storage. */
export function takeToken() {
  const match = location.hash.match(/(?:^#|&)invite=([^&]+)/);
  if (match) {
    const token = decodeURIComponent(match[1]);
    if (TOKEN.test(token)) localStorage.setItem(key(), token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const stored = localStorage.getItem(key());
  return stored && TOKEN.test(stored) ? stored : null;
}

/** Accepts a whole invitation link or a bare token; returns the token or null. */
export function tokenFromPaste(text) {
  const trimmed = String(text).trim();
  const match = trimmed.match(/invite=(rr1_[A-Za-z0-9_-]{22})/) || trimmed.match(/^(rr1_[A-Za-z0-9_-]{22})$/);
  if (!match) return null;
  localStorage.setItem(key(), match[1]);
  return match[1];
}

export function forgetToken() {
  localStorage.removeItem(key());
}
