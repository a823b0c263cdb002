// Shared helpers of the web app: the JSON API, highlighting by character spans, small DOM builders.
// Spans from the API index strings in UTF-16 code units, as JavaScript does, so text.slice(start, end) is exact.
class ApiError extends Error {
  constructor(message, violations, status) {
    super(message);
    this.violations = violations || [];
    this.status = status || 0;
  }
}

/** Times a call answered 429 (a busy replica's limit) is sent again, after the Retry-After it gave. */
const busyRetries = 5;

/** Who is signed in and what the role may do (GET /auth/me), asked once per page. */
let sessionAnswer = null;
function session() {
  sessionAnswer ??= fetch('/auth/me', { headers: { Accept: 'application/json' }, cache: 'no-store' })
    .then(r => r.ok ? r.json() : {})
    .catch(() => ({}));
  return sessionAnswer;
}

/**
 * Calls the JSON API; the API key, when given, goes in a header, never in the URL. A signed-in session's writes carry
 * its antiforgery token. A busy service is asked again; a session that has ended goes to sign in again.
 */
async function api(path, { method = 'GET', body, apiKey } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (apiKey) headers['x-api-key'] = apiKey;
  const me = await session();
  if (method !== 'GET' && me.antiforgeryToken) headers['X-CSRF-TOKEN'] = me.antiforgeryToken;
  let response;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch (e) {
      throw new ApiError('The service did not answer (' + e.message + ').');
    }
    if (response.status !== 429 || attempt >= busyRetries) break;
    // The limit refused the call before any work: waiting as told and sending it again loses nothing.
    const seconds = Math.min(30, Math.max(1, parseInt(response.headers.get('Retry-After'), 10) || 1));
    await new Promise(resolve => setTimeout(resolve, seconds * 1000));
  }
  if (response.status === 401 && me.signInAvailable && !apiKey) {
    location.assign('/auth/signin?returnUrl=' + encodeURIComponent(location.pathname + location.search));
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    const violations = ((json && json.details) || []).flatMap(d => d.fieldViolations || []).map(v => `${v.field}: ${v.description}`);
    throw new ApiError((json && json.message) || `The service answered HTTP ${response.status}.`, violations, response.status);
  }
  return json || {};
}

/** An element with attributes (on* keys are listeners) and children (strings become text). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** The text with the spans marked; overlapping spans are joined. focus: spans drawn with an outline. */
function highlight(text, spans, focus) {
  const fragment = document.createDocumentFragment();
  const sorted = (spans || []).map(s => ({ start: s.start || 0, end: s.end || 0 }))
    .filter(s => s.end > s.start && s.start >= 0 && s.end <= text.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  let position = 0;
  for (const span of merged) {
    fragment.append(text.slice(position, span.start));
    const inFocus = (focus || []).some(f => (f.start || 0) < span.end && span.start < (f.end || 0));
    fragment.append(el('mark', { class: inFocus ? 'focus' : undefined }, text.slice(span.start, span.end)));
    position = span.end;
  }
  fragment.append(text.slice(position));
  return fragment;
}

// A precedent from a generated demo letter says so wherever it is shown: it is not a real decision.
function generatedBadge(hit) {
  return hit && hit.generated
    ? el('span', { class: 'badge generated', title: 'From a generated demo letter, not a real IMR decision' }, 'Generated')
    : '';
}

function badge(decision) {
  return el('span', { class: `badge ${decision}` }, decision || 'Unknown');
}

function percent(p) {
  return `${Math.round((p || 0) * 1000) / 10}%`;
}

/** Shows an error (with its field violations) in a status element. */
function showError(target, error) {
  target.replaceChildren(el('div', { class: 'error', role: 'alert' }, error.message,
    error.violations && error.violations.length ? el('ul', {}, error.violations.map(v => el('li', {}, v))) : null));
}

function isPdf(file) {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

/** A letter file as the API takes it: { text } or { pdf } (base64). */
async function readLetter(file) {
  if (!isPdf(file)) return { text: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return { pdf: btoa(binary) };
}

/** Wires a drop zone to a file input: dropped files are handed to onFiles like chosen ones. */
function dropZone(zone, input, onFiles) {
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
  });
  input.addEventListener('change', () => {
    const files = [...input.files];
    // Cleared, so choosing the same files again (after fixing the key, say) is a change too.
    input.value = '';
    if (files.length) onFiles(files);
  });
}

function precedentLink(id, query, label) {
  const params = new URLSearchParams({ id });
  if (query) params.set('q', query);
  return el('a', { href: `/precedent?${params}` }, label);
}

/**
 * Says who is signed in (or offers to sign in), and hides the pages the role may not use: triage needs the triage role,
 * admin the admin role where sign-in is configured (on a loopback service the admin page takes a typed key instead).
 */
async function showSession() {
  const me = await session();
  const header = document.querySelector('header.site');
  if (!header || !me.mode) return;
  const hide = href => { const link = document.querySelector(`nav.site a[href="${href}"]`); if (link) link.parentElement.hidden = true; };
  if (!me.canRank) hide('/triage');
  if (me.signInAvailable && !me.canAdmin) hide('/admin');
  const box = el('div', { class: 'session', id: 'session' });
  if (me.signedIn) {
    const signOut = el('button', { type: 'button', class: 'secondary', onclick: async () => {
      await fetch('/auth/signout', { method: 'POST', headers: { 'X-CSRF-TOKEN': me.antiforgeryToken || '' } });
      location.assign('/auth/signedout');
    } }, 'Sign out');
    box.append(el('span', {}, 'Signed in as ', el('strong', {}, me.name || me.subject), ` (${me.role})`), ' ', signOut);
  } else if (me.signInAvailable) {
    box.append(el('a', { href: '/auth/signin?returnUrl=' + encodeURIComponent(location.pathname + location.search) }, 'Sign in'));
  } else {
    box.append(el('span', { class: 'hint' }, 'Local service: reads need no sign-in'));
  }
  header.append(box);
}

/** Marks the page's own link in the navigation. */
function markNavigation() {
  for (const link of document.querySelectorAll('nav.site a')) {
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
  }
}

/** CSV text: fields quoted where they need it. */
function toCsv(rows) {
  const quote = v => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map(r => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some(f => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some(f => f !== '')) rows.push(row);
  return rows;
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// What the API's codes read as (GET /v1/names): "Muscle relaxant" for MuscleRelaxant, "MTUS" for Mtus. Codes stay in
// requests, URLs and exports' code columns; people read the labels.
const categoryLabels = new Map();
const sourceNames = new Map();

/** The label of an item category code; the code itself when the service did not name it. */
function categoryLabel(code) {
  return categoryLabels.get(code) || code || '';
}

/** The abbreviation ("MTUS") and full name of a guideline source code. */
function sourceLabel(code) {
  return sourceNames.get(code) || { label: code, fullName: code };
}

/**
 * Resolved once the names are read and every select marked data-categories or data-sources holds them: pages wait for it
 * before restoring a search from the URL or drawing results. A service that cannot answer leaves the codes as they are.
 */
const ready = api('/v1/names').then(names => {
  for (const c of names.categories || []) categoryLabels.set(c.code, c.label);
  for (const s of names.guidelineSources || []) sourceNames.set(s.code, { label: s.label, fullName: s.fullName });
}).catch(() => { }).then(() => {
  for (const select of document.querySelectorAll('select[data-categories]')) {
    select.append(...[...categoryLabels].map(([value, label]) => el('option', { value }, label)));
  }
  for (const select of document.querySelectorAll('select[data-sources]')) {
    select.append(...[...sourceNames].map(([value, names]) => el('option', { value, title: names.fullName }, names.label)));
  }
});

/** Every page says so when the serving model learned from generated demo letters: its answers are a demo. */
async function labelDemoModel() {
  try {
    const model = await api('/v1/model');
    if (!model.trainedOnGenerated) return;
    const banner = el('p', { class: 'demo-banner', role: 'note' },
      el('strong', {}, 'Demo model trained on generated letters'), ': add your decided letters and retrain. ',
      'Its probabilities, reasons and generated precedents are for trying the service, not for deciding cases.');
    // Inside the main landmark, first, so it is read before the page's content.
    document.getElementById('main').prepend(banner);
  } catch {
    // No model yet, or the service is busy: the page says what it can without the label.
  }
}

document.addEventListener('DOMContentLoaded', markNavigation);
document.addEventListener('DOMContentLoaded', labelDemoModel);
document.addEventListener('DOMContentLoaded', showSession);

export { api, session, ready, categoryLabel, sourceLabel, ApiError, el, highlight, badge, generatedBadge, percent, showError, readLetter, dropZone, precedentLink, toCsv, parseCsv, download };
