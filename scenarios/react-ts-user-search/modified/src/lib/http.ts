export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const JSON_HEADERS = { Accept: 'application/json' };

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, {
    credentials: 'same-origin',
    headers: JSON_HEADERS,
    signal,
  });
  if (!res.ok) {
    throw new HttpError(res.status, `GET ${url} failed with ${res.status}`);
  }
  return (await res.json()) as T;
}

export async function patchJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'PATCH',
    credentials: 'same-origin',
    headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new HttpError(res.status, `PATCH ${url} failed with ${res.status}`);
  }
  return (await res.json()) as T;
}
