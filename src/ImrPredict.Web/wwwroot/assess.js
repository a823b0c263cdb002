// Assess a case: pasted or from a letter; per item the probability against the bundle's threshold, the reasons with
// their words marked in the summary, and the closest precedents.
import { api, categoryLabel, el, highlight, badge, generatedBadge, percent, showError, readLetter, dropZone, precedentLink, toCsv, download } from './common.js';

const form = document.getElementById('case');
const status = document.getElementById('status');
const result = document.getElementById('result');
const explain = { contributions: 8, precedents: 3 };
let shown = [];

async function run(call) {
  result.dataset.state = 'loading';
  status.textContent = 'Assessing\u2026';
  for (const button of document.querySelectorAll('button[type="submit"]')) button.disabled = true;
  try {
    await call();
    status.textContent = '';
    result.dataset.state = 'done';
  } catch (error) {
    result.replaceChildren();
    result.dataset.state = 'error';
    showError(status, error);
  } finally {
    for (const button of document.querySelectorAll('button[type="submit"]')) button.disabled = false;
  }
}

form.addEventListener('submit', e => {
  e.preventDefault();
  const summary = form.elements.summary.value.trim();
  const items = form.elements.items.value.split('\n').map(s => s.trim()).filter(Boolean);
  const request = { clinicalSummary: summary, items: items.map(requestedItem => ({ requestedItem })), ...explain };
  if (form.elements.injury.value) request.dateOfInjury = form.elements.injury.value;
  if (form.elements.denial.value) request.urDenialDate = form.elements.denial.value;
  run(async () => render(summary, await api('/v1/predict', { method: 'POST', body: request }), null));
});

dropZone(document.getElementById('drop'), document.getElementById('letter'), files => run(async () => {
  const letter = await readLetter(files[0]);
  const answer = await api('/v1/predict:letter', { method: 'POST', body: { ...letter, ...explain } });
  form.elements.summary.value = answer.clinicalSummary || '';
  form.elements.items.value = ((answer.prediction || {}).items || []).map(i => i.requestedItem).join('\n');
  // The letter's own dates, so assessing the form again gives the same answer.
  form.elements.injury.value = answer.dateOfInjury || '';
  form.elements.denial.value = answer.urDenialDate || '';
  render(answer.clinicalSummary || '', answer.prediction || {}, answer);
}));

function render(summary, prediction, letter) {
  const threshold = prediction.threshold || 0;
  const items = prediction.items || [];
  shown = items;
  const summaryView = el('div', { class: 'prose', id: 'summary-view' });
  const cards = items.map((item, index) => card(item, index, threshold, summaryView, summary));
  const header = [];
  if (letter) {
    header.push(el('p', { class: 'meta' }, [letter.caseNumber ? `Case ${letter.caseNumber}` : 'No case number', letter.layout ? `layout ${letter.layout}` : null].filter(Boolean).join(' \u00b7 ')));
    if ((letter.warnings || []).length) {
      header.push(el('ul', { class: 'meta', 'aria-label': 'Parse warnings' }, letter.warnings.map(w => el('li', {}, `${w.code}: ${w.message}`))));
    }
  }
  const tools = el('p', { class: 'tools no-print' },
    el('button', { type: 'button', class: 'secondary', id: 'print', onclick: () => window.print() }, 'Print'), ' ',
    el('button', { type: 'button', class: 'secondary', id: 'export-json', onclick: () => exportJson(summary, prediction, letter) }, 'Export JSON'), ' ',
    el('button', { type: 'button', class: 'secondary', id: 'export-csv', onclick: () => exportCsv(prediction) }, 'Export CSV'));
  result.replaceChildren(
    el('h2', { id: 'result-heading', tabindex: '-1' }, `${items.length} item${items.length === 1 ? '' : 's'} assessed`),
    tools,
    el('p', { class: 'meta' }, `Model ${prediction.modelVersion}; threshold ${percent(threshold)} (at or above: predicted Overturned).`),
    ...header,
    el('p', { class: 'note' }, 'Decision support from a model and its precedents, not a decision.'),
    el('div', { class: 'two' },
      el('div', { class: 'items' }, cards),
      el('section', { 'aria-labelledby': 'summary-heading' }, el('h3', { id: 'summary-heading' }, 'Clinical summary, the selected item\u2019s words marked'), summaryView)));
  select(0, summaryView, summary);
  // The answer is below the form: bring it into view, and move focus to it for a screen reader.
  result.scrollIntoView({ block: 'start', behavior: 'smooth' });
  document.getElementById('result-heading').focus({ preventScroll: true });
}

/** The assessment as the API gave it, with the summary it read, for a file or another program. */
function exportJson(summary, prediction, letter) {
  const body = { clinicalSummary: summary, caseNumber: letter ? letter.caseNumber || null : null, prediction };
  download('assessment.json', JSON.stringify(body, null, 2), 'application/json');
}

/** One row per item: what a person reads in the cards, each reason in words. */
function exportCsv(prediction) {
  const rows = (prediction.items || []).map(item => [item.requestedItem, categoryLabel(item.category), item.category, (item.pOverturned || 0).toFixed(4),
    item.decision, item.lowSupport ? 'true' : 'false', (item.reasons || []).map(r => `${r.weight >= 0 ? '+' : '-'} ${r.text}`).join('; ')]);
  download('assessment.csv', toCsv([['requestedItem', 'category', 'categoryCode', 'pOverturned', 'predicted', 'lowSupport', 'reasons'], ...rows]), 'text/csv');
}

function select(index, summaryView, summary, focus) {
  const item = shown[index];
  if (!item) {
    summaryView.replaceChildren(summary);
    return;
  }
  const spans = (item.reasons || []).filter(r => r.field === 'clinicalSummary').flatMap(r => r.spans || []);
  summaryView.replaceChildren(highlight(summary, spans, focus));
  for (const card of document.querySelectorAll('article.item')) card.setAttribute('aria-current', String(card.dataset.index === String(index)));
  const first = summaryView.querySelector('mark.focus');
  if (first) first.scrollIntoView({ block: 'nearest' });
}

function card(item, index, threshold, summaryView, summary) {
  const p = item.pOverturned || 0;
  const fill = el('div', { class: 'fill' });
  fill.style.width = `${Math.min(100, p * 100)}%`;
  const mark = el('div', { class: 'threshold', title: `threshold ${percent(threshold)}` });
  mark.style.left = `${Math.min(100, threshold * 100)}%`;
  const bar = el('div', { class: 'bar', role: 'img', 'aria-label': `${percent(p)} against a threshold of ${percent(threshold)}` }, fill, mark);
  const reasons = (item.reasons || []).map(reason => el('li', {},
    el('span', { class: reason.weight >= 0 ? 'up' : 'down', 'aria-hidden': 'true' }, reason.weight >= 0 ? '\u25b2 ' : '\u25bc '),
    el('span', { class: 'visually-hidden' }, reason.weight >= 0 ? 'Toward Overturned: ' : 'Toward Upheld: '),
    reason.text,
    reason.field === 'clinicalSummary' && (reason.spans || []).length
      ? [' ', el('button', { type: 'button', onclick: () => select(index, summaryView, summary, reason.spans) }, 'show in summary')]
      : null));
  // The guideline criteria of the item's category as a checklist: met, not met, not mentioned, with the evidence.
  const statusLabel = { documented: 'met', documented_absent: 'not met', not_mentioned: 'not mentioned' };
  const statusMark = { documented: '\u2713', documented_absent: '\u2717', not_mentioned: '\u2013' };
  const criteria = (item.criteria || []).map(check => el('li', { class: `criterion ${check.status}${check.favoursRequest ? ' favours' : check.weighsAgainstRequest ? ' against' : ''}` },
    el('span', { class: 'mark', 'aria-hidden': 'true' }, `${statusMark[check.status] || '\u2013'} `),
    el('span', { class: 'status' }, `${statusLabel[check.status] || check.status}: `),
    check.text,
    check.favoursRequest ? el('span', { class: 'meta' }, ' (supports the request)') : null,
    check.weighsAgainstRequest ? el('span', { class: 'meta' }, ' (weighs against the request)') : null,
    check.citedByReview ? el('span', { class: 'meta' }, ' \u00b7 the earlier review cited it') : null,
    check.field === 'clinicalSummary' && (check.spans || []).length
      ? [' ', el('button', { type: 'button', onclick: () => select(index, summaryView, summary, check.spans) }, 'show in summary')]
      : check.discussion
        ? [' ', el('button', { type: 'button', onclick: () => select(index, summaryView, summary, [check.discussion]) }, 'show the sentence')]
        : null,
    el('span', { class: 'visually-hidden' }, ` Guideline: ${check.guideline}`)));
  const precedents = (item.precedents || []).map(hit => el('li', {},
    badge(hit.decision), ' ', generatedBadge(hit), ' ', precedentLink(hit.id, item.requestedItem, hit.requestedItem),
    el('span', { class: 'meta' }, hit.decisionDate ? ` \u00b7 decided ${hit.decisionDate}` : ''),
    (hit.passageMatches || []).slice(0, 1).map(passage => el('blockquote', {}, highlight(passage.text || '', passage.matches)))));
  return el('article', { class: 'item', 'data-index': String(index), 'aria-current': 'false' },
    el('h3', {}, highlight(item.requestedItem || '', (item.reasons || []).filter(r => r.field === 'requestedItem').flatMap(r => r.spans || []))),
    el('p', { class: 'meta' }, `${categoryLabel(item.category)} \u00b7 predicted ${item.decision}`),
    el('div', { class: 'prob' }, el('strong', { class: 'p' }, percent(p)), bar),
    el('p', { class: 'meta' }, 'probability of Overturned'),
    item.lowSupport
      ? el('p', { class: 'low-support', role: 'note' }, `Few examples: the model learned from only ${(item.categorySupport || 0).toLocaleString('en-US')} ${categoryLabel(item.category).toLowerCase()} items, so this probability is less certain than others.`)
      : null,
    el('h4', {}, 'Why'),
    reasons.length ? el('ul', { class: 'reasons' }, reasons) : el('p', { class: 'meta' }, 'No reasons returned.'),
    el('button', { type: 'button', class: 'secondary', onclick: () => select(index, summaryView, summary) }, 'Mark this item\u2019s words in the summary'),
    el('h4', {}, 'Guideline criteria in the summary'),
    criteria.length ? el('ul', { class: 'criteria' }, criteria) : el('p', { class: 'meta' }, 'No criteria for this category.'),
    el('h4', {}, 'Closest precedents'),
    precedents.length ? el('ul', { class: 'plain' }, precedents) : el('p', { class: 'meta' }, 'None found.'));
}
