// The API of docs/design.md §6: JSON in and out, the invite token only as a Bearer header.

/** Statuses worth retrying (docs/design.md §5); a network failure is status 0. */
export const RETRYABLE = new Set([0, 429, 500, 502, 503, 504]);

export class Api {
  constructor(base, token) {
    this.base = base.replace(/\/$/, '');
    this.token = token;
  }

  /** Resolves to {status, code, data, retryAfter}; never throws. */
  async call(method, path, body, { keepalive = false } = {}) {
    const headers = { Accept: 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        keepalive,
      });
    } catch {
      return { status: 0, code: 'network', data: null, retryAfter: null };
    }
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    const code = response.ok ? null : data?.error?.code || 'unknown';
    const header = Number(response.headers.get('Retry-After'));
    const retryAfter = Number.isFinite(header) && header > 0 ? Math.min(header, 60) : null;
    return { status: response.status, code, data, retryAfter };
  }

  session() {
    return this.call('GET', '/session');
  }
  start() {
    return this.call('POST', '/session/start');
  }
  /** `keepalive` lets the save outlive the page (sent while the tab closes). */
  saveDraft(version, saveId, review, keepalive = false) {
    return this.call('PUT', '/draft', { version, save_id: saveId, review }, { keepalive });
  }
  submit(submissionId, review) {
    return this.call('POST', '/submissions', { submission_id: submissionId, ...review });
  }
}

/** Waits `seconds`, or the retry back-off for `attempt` (2, 4, 8, 16, 32 s, then 60 s). */
export function backoff(attempt, retryAfter) {
  const seconds = retryAfter ?? Math.min(60, 2 ** Math.min(attempt, 6));
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

/**
 * Calls `request()` until its answer is not worth retrying (RETRYABLE), telling `onRetry(answer)`
 * and waiting the back-off between tries; resolves to that answer.
 */
export async function untilAnswered(request, onRetry) {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await request();
    if (!RETRYABLE.has(answer.status)) return answer;
    onRetry(answer);
    await backoff(attempt, answer.retryAfter);
  }
}
