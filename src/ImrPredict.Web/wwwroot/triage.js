// Triage: many letters, or a CSV / JSON Lines file of cases, into one table of items ranked by probability of Overturned.
import { api, categoryLabel, el, percent, showError, readLetter, dropZone, toCsv, parseCsv, download, ApiError } from './common.js';

const status = document.getElementById('status');
const progress = document.getElementById('progress');
const ranking = document.getElementById('ranking');
const refusedView = document.getElementById('refused');
const filter = document.getElementById('filter');
const body = document.querySelector('#table tbody');
const caption = document.getElementById('caption');
const casesPerCall = 500;
let rows = [];
let sort = { key: 'pOverturned', descending: true };

dropZone(document.getElementById('drop'), document.getElementById('files'), async files => {
  rows = [];
  refusedView.hidden = true;
  ranking.hidden = true;
  ranking.dataset.state = 'loading';
  const caseFiles = files.filter(f => /\.(csv|jsonl|json)$/i.test(f.name));
  const letters = files.filter(f => !caseFiles.includes(f));
  const refused = [];
  try {
    for (const file of caseFiles) await rankCaseFile(file);
    await rankLetters(letters, refused);
    status.textContent = `${rows.length.toLocaleString('en-US')} items ranked from ${files.length} file${files.length === 1 ? '' : 's'}` +
      (refused.length ? `; ${refused.length} could not be read.` : '.');
    showRefused(refused);
    draw();
    ranking.hidden = false;
    ranking.dataset.state = 'done';
  } catch (error) {
    ranking.dataset.state = 'error';
    showError(status, error);
  } finally {
    progress.hidden = true;
  }
});

function step(done, total, what) {
  progress.hidden = false;
  progress.max = Math.max(1, total);
  progress.value = done;
  status.textContent = `${what}: ${done} of ${total}\u2026`;
}

async function rankLetters(files, refused) {
  let done = 0;
  const queue = [...files];
  // Two letters in flight: the server parses PDFs on its own cores.
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      try {
        const answer = await api('/v1/predict:letter', { method: 'POST', body: { ...(await readLetter(file)), contributions: 8 } });
        const prediction = answer.prediction || {};
        (prediction.items || []).forEach((item, index) => rows.push({
          caseId: answer.caseNumber || file.name, source: file.name, itemIndex: index, requestedItem: item.requestedItem,
          category: item.category, pOverturned: item.pOverturned || 0, decision: item.decision, lowSupport: !!item.lowSupport,
          topReason: ((item.reasons || [])[0] || {}).text || '',
        }));
      } catch (error) {
        refused.push({ file: file.name, message: error.message, violations: error.violations });
      }
      step(++done, files.length, 'Letters read');
    }
  };
  await Promise.all([worker(), worker()]);
}

async function rankCaseFile(file) {
  const text = await file.text();
  const cases = /\.csv$/i.test(file.name) ? casesFromCsv(text) : casesFromJsonLines(text);
  for (let start = 0; start < cases.length; start += casesPerCall) {
    const answer = await api('/v1/rank', { method: 'POST', body: { cases: cases.slice(start, start + casesPerCall), topReasons: true } });
    for (const item of answer.items || []) {
      rows.push({ caseId: item.caseId, source: file.name, itemIndex: item.itemIndex || 0, requestedItem: item.requestedItem,
        category: item.category, pOverturned: item.pOverturned || 0, decision: item.decision, lowSupport: !!item.lowSupport,
        topReason: (item.topReason || {}).text || '' });
    }
    step(Math.min(cases.length, start + casesPerCall), cases.length, `Cases of ${file.name} ranked`);
  }
}

function casesFromCsv(text) {
  const [header, ...lines] = parseCsv(text);
  const column = name => header.findIndex(h => h.trim().toLowerCase() === name.toLowerCase());
  const at = { id: column('caseId'), summary: column('clinicalSummary'), item: column('requestedItem'), injury: column('dateOfInjury'), denial: column('urDenialDate') };
  if (at.summary < 0 || at.item < 0) throw new ApiError('The CSV needs clinicalSummary and requestedItem columns (and caseId to group items of a case).');
  const cases = new Map();
  lines.forEach((line, index) => {
    const id = at.id >= 0 && line[at.id] ? line[at.id] : `row ${index + 2}`;
    if (!cases.has(id)) {
      const c = { caseId: id, clinicalSummary: line[at.summary] || '', items: [] };
      if (at.injury >= 0 && line[at.injury]) c.dateOfInjury = line[at.injury];
      if (at.denial >= 0 && line[at.denial]) c.urDenialDate = line[at.denial];
      cases.set(id, c);
    }
    cases.get(id).items.push({ requestedItem: line[at.item] || '' });
  });
  return [...cases.values()];
}

function casesFromJsonLines(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed);
  return trimmed.split('\n').filter(l => l.trim()).map((line, index) => {
    try { return JSON.parse(line); } catch { throw new ApiError(`Line ${index + 1} is not JSON.`); }
  });
}

function showRefused(refused) {
  refusedView.hidden = refused.length === 0;
  refusedView.replaceChildren(el('h2', {}, 'Letters that could not be read'),
    el('ul', {}, refused.map(r => el('li', {}, el('strong', {}, r.file), `: ${r.message}`, (r.violations || []).length ? ` (${r.violations.join('; ')})` : ''))));
}

function visible() {
  const category = filter.value;
  const ranked = [...rows].sort((a, b) => b.pOverturned - a.pOverturned).map((row, i) => ({ ...row, rank: i + 1 }));
  const kept = ranked.filter(r => !category || r.category === category);
  const direction = sort.descending ? -1 : 1;
  return kept.sort((a, b) => {
    const x = a[sort.key], y = b[sort.key];
    return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y))) * direction || a.rank - b.rank;
  });
}

function draw() {
  const shown = visible();
  caption.textContent = `${shown.length.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} items, ranked by probability of Overturned`;
  // Long queues: the first 2,000 rows are drawn; the export holds them all.
  body.replaceChildren(...shown.slice(0, 2000).map(r => el('tr', {},
    el('td', { class: 'num' }, r.rank), el('td', {}, r.caseId), el('td', {}, r.requestedItem), el('td', {}, categoryLabel(r.category), r.lowSupport ? el('span', { class: 'low-support-tag', title: 'few training examples of this category' }, ' (few examples)') : null),
    el('td', { class: 'num' }, percent(r.pOverturned)), el('td', {}, r.decision), el('td', {}, r.topReason || ''))));
  for (const th of document.querySelectorAll('#table th')) {
    const key = th.querySelector('button').dataset.key;
    th.setAttribute('aria-sort', key === sort.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  }
}

for (const button of document.querySelectorAll('#table th button')) {
  button.addEventListener('click', () => {
    const key = button.dataset.key;
    sort = { key, descending: sort.key === key ? !sort.descending : key === 'pOverturned' };
    draw();
  });
}
filter.addEventListener('change', draw);
document.getElementById('export').addEventListener('click', () => {
  const shown = visible();
  // People read the category's label; its API code stays beside it for a program that reads the file back.
  download('triage.csv', toCsv([['rank', 'caseId', 'source', 'itemIndex', 'requestedItem', 'category', 'categoryCode', 'pOverturned', 'predicted', 'lowSupport', 'topReason'],
    ...shown.map(r => [r.rank, r.caseId, r.source, r.itemIndex, r.requestedItem, categoryLabel(r.category), r.category, r.pOverturned.toFixed(4), r.decision, r.lowSupport ? 'true' : 'false', r.topReason || ''])]), 'text/csv');
});
