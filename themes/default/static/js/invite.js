// The invite token: read from the address's fragment once, kept in localStorage under the
// page's path, removed from the address bar; sent only as a Bearer header.

const key = () => `rr:token:${location.pathname}`;
// `rr2_` + the invite id + the secret; `rr1_` + the secret is the first format (docs/design.md §4).
const SHAPE = 'rr2_[a-z2-7]{16}[A-Za-z0-9_-]{22}|rr1_[A-Za-z0-9_-]{22}';
const TOKEN = new RegExp(`^(?:${SHAPE})$`);

/**
 * The token to open: `{token}` from `#invite=...` (stored, then removed from the address) or
 * from storage, `{invalid: true}` when the fragment names something that is not a token (the
 * stored one is forgotten: the fragment names the invite the candidate means), or `{}`.
 */
export function takeToken() {
  const match = location.hash.match(/(?:^#|&)invite=([^&]*)/);
  if (match) {
    history.replaceState(null, '', location.pathname + location.search);
    let token = '';
    try {
      token = decodeURIComponent(match[1]);
    } catch {
      token = '';
    }
    if (!TOKEN.test(token)) {
      forgetToken();
      return { invalid: true };
    }
    localStorage.setItem(key(), token);
  }
  const stored = localStorage.getItem(key());
  return stored && TOKEN.test(stored) ? { token: stored } : {};
}

/** Accepts a whole invitation link or a bare token; returns the token or null. */
export function tokenFromPaste(text) {
  const trimmed = String(text).trim();
  const match =
    trimmed.match(new RegExp(`invite=(${SHAPE})`)) || trimmed.match(new RegExp(`^(${SHAPE})$`));
  if (!match) return null;
  localStorage.setItem(key(), match[1]);
  return match[1];
}

export function forgetToken() {
  localStorage.removeItem(key());
}
