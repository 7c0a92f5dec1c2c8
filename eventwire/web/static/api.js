// Calls to the eventwire API. The bearer token (stored in this browser only) goes with every
// request, so a private server's reads work too.

const TOKEN_KEY = "eventwire-token";

export function getToken() {
  return window.localStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(token) {
  if (token) window.localStorage.setItem(TOKEN_KEY, token);
  else window.localStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function apiFetch(path, options = {}) {
  const headers = new Headers(options.headers || {});
  const token = getToken();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (options.json !== undefined) {
    headers.set("Content-Type", "application/json");
    options = { ...options, body: JSON.stringify(options.json) };
  }
  const response = await fetch(path, { ...options, headers });
  if (!response.ok) {
    let code = "error";
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && body.error) ({ code, message } = body.error);
    } catch {
      /* not JSON: keep the status line */
    }
    if (response.status === 401) message += " (set the token at the top right)";
    throw new ApiError(response.status, code, message);
  }
  return response;
}

export async function getJSON(path) {
  return (await apiFetch(path)).json();
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") q.set(key, value);
  }
  return q.toString();
}

// Every event matching `filters`, following the pages.
export async function loadAllEvents(filters) {
  const events = [];
  let offset = 0;
  for (;;) {
    const page = await getJSON(`/api/events?${query({ ...filters, limit: 5000, offset })}`);
    events.push(...page.events);
    if (page.next_offset === null) return events;
    offset = page.next_offset;
  }
}

export async function download(path, filename) {
  const blob = await (await apiFetch(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
