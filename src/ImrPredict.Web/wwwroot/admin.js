// Admin: decided letters into the store, a model reload and the audit trail. Signed in, the session is the credential; on a
// loopback service without sign-in, a typed API key, kept in this tab's session storage only.
import { api, el, showError, readLetter, dropZone, ApiError, session } from './common.js';

const storageKey = 'imrpredict.apiKey';
const keyForm = document.getElementById('key-form');
const keyState = document.getElementById('key-state');
const addStatus = document.getElementById('add-status');
const progress = document.getElementById('progress');
const added = document.getElementById('added');
const reloadForm = document.getElementById('reload');
const reloadStatus = document.getElementById('reload-status');
const lettersPerCall = 10;

let signedIn = false;
const key = () => sessionStorage.getItem(storageKey) || '';
const showKey = () => { keyState.textContent = key() ? 'A key is set for this tab.' : 'No key set.'; };
/** A credential is at hand: the session, or a typed key. */
const ready = () => signedIn || key();

keyForm.addEventListener('submit', e => {
  e.preventDefault();
  sessionStorage.setItem(storageKey, keyForm.elements.key.value);
  keyForm.elements.key.value = '';
  showKey();
});
document.getElementById('forget').addEventListener('click', () => { sessionStorage.removeItem(storageKey); showKey(); });
showKey();

dropZone(document.getElementById('drop'), document.getElementById('letters'), async files => {
  if (!ready()) {
    showError(addStatus, new ApiError('Set the API key first.'));
    return;
  }
  added.dataset.state = 'loading';
  added.replaceChildren();
  const totals = { letters: 0, items: 0, refused: [], warnings: [] };
  progress.hidden = false;
  progress.max = files.length;
  progress.value = 0;
  try {
    for (let start = 0; start < files.length; start += lettersPerCall) {
      const batch = files.slice(start, start + lettersPerCall);
      const letters = await Promise.all(batch.map(async file => ({ ...await readLetter(file), source: file.name })));
      const answer = await api('/v1/determinations', { method: 'POST', body: { letters }, apiKey: signedIn ? undefined : key() });
      totals.letters += answer.lettersAdded || 0;
      totals.items += answer.itemsAdded || 0;
      totals.refused.push(...(answer.errors || []));
      totals.warnings.push(...(answer.warnings || []));
      progress.value = start + batch.length;
      addStatus.textContent = `Added ${start + batch.length} of ${files.length} letters\u2026`;
    }
    addStatus.textContent = `${totals.letters} letter${totals.letters === 1 ? '' : 's'} added (${totals.items} items); ${totals.refused.length} refused.`;
    added.replaceChildren(
      totals.refused.length ? el('div', {}, el('h3', {}, 'Refused letters (kept in the store with their errors)'),
        el('table', { id: 'refused' }, el('thead', {}, el('tr', {}, ['Letter', 'Error', 'What is wrong'].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, totals.refused.map(r => el('tr', {}, el('td', {}, r.source || `#${r.index}`), el('td', {}, r.code), el('td', {}, r.message)))))) : '',
      totals.warnings.length ? el('div', {}, el('h3', {}, 'Letters added with warnings'),
        el('ul', {}, totals.warnings.map(w => el('li', {}, `${w.source || w.letterId}: ${(w.warnings || []).map(x => x.code).join(', ')}`)))) : '');
    added.dataset.state = 'done';
  } catch (error) {
    added.dataset.state = 'error';
    showError(addStatus, error);
  } finally {
    progress.hidden = true;
    showLetters();
  }
});

const lettersStatus = document.getElementById('letters-status');
const stored = document.getElementById('stored');
/** The letters added, refused or deleted last (GET /v1/determinations), each kept one with a Delete button. */
async function showLetters(done) {
  if (!ready()) {
    lettersStatus.textContent = 'Set the API key to see the letters in the store.';
    return;
  }
  stored.dataset.state = 'loading';
  try {
    const letters = (await api('/v1/determinations?max=50', { apiKey: signedIn ? undefined : key() })).letters || [];
    const listed = letters.length ? `The ${letters.length} letter${letters.length === 1 ? '' : 's'} changed last, newest first.` : 'The store holds no letter yet.';
    lettersStatus.textContent = done ? `${done} ${listed}` : listed;
    stored.replaceChildren(letters.length ? el('div', { class: 'table-scroll' }, el('table', { id: 'letters-table' },
      el('thead', {}, el('tr', {}, ['Received (UTC)', 'Letter', 'Source', 'Status', 'Items', ''].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, letters.map(l => el('tr', { 'data-letter': l.letterId },
        el('td', {}, (l.receivedUtc || '').replace('T', ' ').replace(/\.\d+.*$/, '')),
        el('td', {}, l.caseNumber || l.letterId),
        el('td', {}, l.source),
        el('td', { class: `status-${l.status}`, title: l.errorMessage || '' }, l.status === 'refused' ? `refused: ${l.errorCode}` : l.status),
        el('td', { class: 'num' }, String(l.items || 0)),
        el('td', {}, l.status === 'kept'
          ? el('button', { type: 'button', class: 'secondary delete', 'aria-label': `Delete ${l.caseNumber || l.letterId}`, onclick: () => remove(l) }, 'Delete')
          : '')))))) : '');
    stored.dataset.state = 'done';
  } catch (error) {
    stored.dataset.state = 'error';
    showError(lettersStatus, error);
  }
}

/** Deletes a letter after asking: it leaves the store and every replica's index (its tombstone stays). */
async function remove(letter) {
  if (!window.confirm(`Delete ${letter.caseNumber || letter.letterId} (${letter.source}) from the store and every index?`)) return;
  try {
    await api(`/v1/determinations/${encodeURIComponent(letter.letterId)}`, { method: 'DELETE', apiKey: signedIn ? undefined : key() });
  } catch (error) {
    showError(lettersStatus, error);
    return;
  }
  showLetters(`Deleted ${letter.caseNumber || letter.letterId}.`);
}

reloadForm.addEventListener('submit', async e => {
  e.preventDefault();
  if (!ready()) {
    showError(reloadStatus, new ApiError('Set the API key first.'));
    return;
  }
  reloadStatus.textContent = 'Reloading\u2026';
  try {
    const info = await api('/v1/model:reload', { method: 'POST', body: { bundle: reloadForm.elements.bundle.value.trim() }, apiKey: signedIn ? undefined : key() });
    reloadStatus.replaceChildren(el('span', {}, `Serving ${info.bundleVersion}.`));
  } catch (error) {
    showError(reloadStatus, error);
  }
});

const auditForm = document.getElementById('audit-form');
const auditStatus = document.getElementById('audit-status');
const audit = document.getElementById('audit');
/** The latest audit records (who read or changed which letters), newest first. */
async function showAudit() {
  if (!ready()) {
    auditStatus.textContent = 'Set the API key to see the audit trail.';
    return;
  }
  const params = new URLSearchParams({ max: '50' });
  if (auditForm.elements.subject.value.trim()) params.set('subject', auditForm.elements.subject.value.trim());
  if (auditForm.elements.letter.value.trim()) params.set('letterId', auditForm.elements.letter.value.trim());
  audit.dataset.state = 'loading';
  try {
    const answer = await api('/v1/audit?' + params, { apiKey: signedIn ? undefined : key() });
    const records = answer.records || [];
    auditStatus.textContent = `${records.length} record${records.length === 1 ? '' : 's'}${answer.pending ? ` (${answer.pending} more being written)` : ''}.`;
    audit.replaceChildren(el('table', { id: 'audit-records' },
      el('thead', {}, el('tr', {}, ['Time (UTC)', 'Caller', 'Role', 'Action', 'Outcome', 'Letters'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, records.map(r => el('tr', {},
        el('td', {}, (r.time || '').replace('T', ' ').replace(/\.\d+Z$/, '')),
        el('td', {}, r.name && r.name !== r.subject ? `${r.name} (${r.subject})` : r.subject),
        el('td', {}, r.role), el('td', {}, r.action), el('td', {}, r.outcome),
        el('td', {}, (r.letterIds || []).slice(0, 5).join(', ') + ((r.letterIds || []).length > 5 ? ` (+${r.letterIds.length - 5})` : '')))))));
    audit.dataset.state = 'done';
  } catch (error) {
    audit.dataset.state = 'error';
    showError(auditStatus, error);
  }
}
auditForm.addEventListener('submit', e => { e.preventDefault(); showAudit(); });
keyForm.addEventListener('submit', () => { showAudit(); showLetters(); });

session().then(me => {
  signedIn = !!me.signedIn;
  // Signed in, the typed key goes away: the session is the credential.
  keyForm.hidden = signedIn;
  showAudit();
  showLetters();
});
