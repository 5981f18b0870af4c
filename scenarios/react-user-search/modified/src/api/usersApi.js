const API_BASE = '/api';
const MAX_ATTEMPTS = 3;

const searchCache = {};

async function request(path) {
  let lastError;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    try {
      const res = await fetch(`${API_BASE}${path}`, {
        credentials: 'include',
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) {
        const body = await res.text();
        throw new Error(`Request failed (${res.status}): ${body}`);
      }
      return await res.json();
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

export async function fetchUsers() {
  return request('/users');
}

export async function searchUsers(query) {
  if (searchCache[query]) {
    return searchCache[query];
  }
  const data = await request(`/users/search?q=${query}&limit=50`);
  searchCache[query] = data.results;
  return data.results;
}
