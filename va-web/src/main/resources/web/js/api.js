// The va-server JSON API (va-server/API.md), one function per route the UI uses.

const ANNOTATOR_KEY = 'va.annotator';

/** A failed request, carrying the server's own one-line explanation. */
export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

/** Who is labelling: sent with every request, kept in the browser between visits. */
export function annotator() {
  return localStorage.getItem(ANNOTATOR_KEY) || 'anonymous';
}

export function setAnnotator(name) {
  const clean = String(name).trim().slice(0, 64);
  if (clean) localStorage.setItem(ANNOTATOR_KEY, clean);
  else localStorage.removeItem(ANNOTATOR_KEY);
}

const enc = encodeURIComponent;

async function request(method, path, body, { raw = false } = {}) {
  const headers = { 'X-Annotator': annotator(), Accept: 'application/json' };
  const init = { method, headers };
  if (body !== undefined) {
    if (typeof body === 'string') {
      init.body = body;
      headers['Content-Type'] = 'text/plain; charset=utf-8';
    } else {
      init.body = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', `The server did not answer (${e.message}). Is "va serve" still running?`);
  }
  if (response.status === 401) {
    // The server runs with a token (non-loopback): its login page sets the cookie, then back here.
    location.href = '/login';
  }
  if (!response.ok) throw await errorOf(response);
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

async function errorOf(response) {
  let code = null;
  let detail = null;
  try {
    const json = await response.json();
    code = json.error;
    detail = json.detail;
  } catch {
    // not JSON: fall back to the status line
  }
  return new ApiError(response.status, code, detail || `${response.status} ${response.statusText}`);
}

function query(params) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

const label = (name) => `/api/labels/${enc(name)}`;

export const api = {
  info: () => request('GET', '/api/info'),

  labels: () => request('GET', '/api/labels'),
  label: (name) => request('GET', label(name)),
  createLabel: (name, description, keywords) =>
    request('POST', '/api/labels', { name, description, keywords }),
  /** Soft delete (the log is kept; creating the name again revives it); with accounts admins only. */
  deleteLabel: (name) => request('DELETE', label(name)),
  importOntology: (ontology) => request('POST', '/api/labels/import', ontology),

  /** mode: text | words | query | like; value: the query text, name, or comma-separated keys. */
  neighbours: (key, n = 3) => request('GET', `/api/browse/neighbours${query({ key, n })}`),
  history: (name, key) => request('GET', `${label(name)}/history${query({ key, limit: 20 })}`),
  browse: ({ video, minSeconds, maxSeconds, k = 30, offset = 0, labelName, unlabelled = false } = {}) =>
    request('GET', `/api/browse${query({ video: video || undefined, minSeconds, maxSeconds, k, offset, label: labelName, unlabelled: unlabelled || undefined })}`),
  search: (mode, value, { k = 24, offset = 0, labelName, unlabelled = false } = {}) =>
    request('GET', `/api/search${query({ [mode]: value, k, offset, label: labelName, unlabelled: unlabelled || undefined })}`),

  annotations: (name) => request('GET', `${label(name)}/annotations`),
  /** who: the annotator the vote is recorded under (as named when it was given; default: now). */
  annotate: (name, key, value, source, who = annotator()) =>
    request('POST', `${label(name)}/annotations`, { key, value, annotator: who, source }),
  /** Removes who's vote (default: this browser's annotator; an admin may name another). */
  unannotate: (name, key, who = annotator()) =>
    request('DELETE', `${label(name)}/annotations/${enc(key)}${query({ annotator: who })}`),

  startBuild: (name, feedSize) => request('POST', `${label(name)}/builds`, feedSize ? { feedSize } : {}),
  build: (id) => request('GET', `/api/builds/${enc(id)}`),
  /** Model versions, oldest first, each flattened to {version, created, quality, positives, negatives}. */
  models: async (name) => (await request('GET', `${label(name)}/models`)).map((m) => ({ ...m.summary, ...m })),

  assignment: (name) => request('GET', `${label(name)}/assignment`),
  /** changes: {overlap?, assignees?} (admins only, with accounts). */
  setAssignment: (name, changes) => request('PATCH', `${label(name)}/assignment`, changes),
  /** The clips teammates completed since a feed page's cursor: {cursor, keys}. */
  taken: (name, after) => request('GET', `${label(name)}/taken${query({ after })}`),

  feed: (name, feed, k, offset) => request('GET', `${label(name)}/feeds/${enc(feed)}${query({ k, offset })}`),
  review: (name, filter, k = 200, offset = 0) =>
    request('GET', `${label(name)}/review${query({ filter, k, offset })}`),

  agreement: (name) => request('GET', `${label(name)}/agreement`),
  adjudication: (name, state, k = 200, offset = 0) => request('GET', `${label(name)}/adjudication${query({ state, k, offset })}`),
  settle: (name, key, value, note) => request('POST', `${label(name)}/adjudication`, { key, value, note: note || undefined }),
  unsettle: (name, key) => request('DELETE', `${label(name)}/adjudication${query({ key })}`),

  /** The raw Response of an export, for saving as a file. */
  exportFile: (name, format) => request('GET', `${label(name)}/export${query({ format })}`, undefined, { raw: true }),
};
