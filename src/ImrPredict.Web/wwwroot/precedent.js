// One precedent: its letter's items, the clinical summary and the full rationale, the search's words marked.
import { api, ready, categoryLabel, el, highlight, badge, generatedBadge, showError, precedentLink } from './common.js';

const params = new URLSearchParams(location.search);
const id = params.get('id') || '';
const query = params.get('q') || '';
const status = document.getElementById('status');
const view = document.getElementById('precedent');
if (query) document.getElementById('back').href = `/?q=${encodeURIComponent(query)}`;

async function load() {
  if (!id) {
    status.textContent = 'No precedent chosen: open one from the search.';
    return;
  }
  view.dataset.state = 'loading';
  try {
    const path = `/v1/precedents/${encodeURIComponent(id)}` + (query ? `?query=${encodeURIComponent(query)}` : '');
    render(await api(path));
    view.dataset.state = 'done';
  } catch (error) {
    view.dataset.state = 'error';
    showError(status, error);
  }
}

function render(detail) {
  const hit = detail.hit || {};
  document.title = `${hit.requestedItem} · ImrPredict`;
  const items = detail.letterItems || [];
  view.replaceChildren(
    el('h1', {}, badge(hit.decision), ' ', generatedBadge(hit), ' ', hit.requestedItem),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Category'), el('dd', {}, categoryLabel(hit.category)),
      el('dt', {}, 'Decided'), el('dd', {}, hit.decisionDate || 'not stated'),
      el('dt', {}, 'Case number'), el('dd', {}, hit.caseNumber || 'not stated'),
      el('dt', {}, 'Reviewer'), el('dd', {}, (detail.reviewerSpecialties || []).join(', ') || 'not stated')),
    el('h2', {}, 'Items of this letter'),
    el('div', { class: 'table-scroll' }, el('table', { id: 'items' },
      el('caption', {}, `${items.length} item${items.length === 1 ? '' : 's'} decided in this letter`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Requested item'), el('th', { scope: 'col' }, 'Category'),
        el('th', { scope: 'col' }, 'Decision'), el('th', { scope: 'col' }, 'Guidelines cited'))),
      el('tbody', {}, items.map(item => el('tr', { 'aria-current': item.id === hit.id ? 'true' : undefined },
        el('td', {}, item.id === hit.id ? el('strong', {}, item.requestedItem) : precedentLink(item.id, query, item.requestedItem)),
        el('td', {}, categoryLabel(item.category)), el('td', {}, badge(item.decision)),
        el('td', {}, [...(item.guidelineSources || []), ...(item.guidelineTopics || [])].join('; ') || '\u2014')))))),
    el('h2', {}, 'Clinical summary'),
    el('div', { class: 'prose', id: 'summary' }, highlight(detail.clinicalSummary || '', detail.summaryMatches)),
    el('h2', {}, 'Rationale'),
    el('div', { class: 'prose', id: 'rationale' }, highlight(detail.rationale || '', detail.rationaleMatches)),
    (detail.guidelineTopics || []).length ? el('p', { class: 'meta' }, `Guideline topics: ${detail.guidelineTopics.join('; ')}`) : '');
}

ready.then(load);
