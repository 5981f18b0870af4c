const API_BASE = '/api';

const searchCache = {};

async function request(path) {
  const res = await fetch(`${API_BASE}${path}`, {
    credentials: 'include',
    headers: { Accept: 'application/json' },
  });
  if (!res.ok) {
    const body = await res.text();
    throw new Error(`Request failed (${res.status}): ${body}`);
  }
  return res.json();
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
