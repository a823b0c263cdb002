// Precedents: free-text search with filters and paging; the URL holds the query so a link can be shared.
import { api, ready, categoryLabel, el, highlight, badge, generatedBadge, showError, precedentLink } from './common.js';

const form = document.getElementById('search');
const status = document.getElementById('status');
const results = document.getElementById('results');
const fields = ['q', 'decision', 'category', 'source', 'from', 'to', 'size', 'criterion', 'mode'];

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const name of fields) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  }
  return Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
}

function writeUrl(page, push) {
  const params = new URLSearchParams();
  for (const name of fields) {
    const value = form.elements[name].value.trim();
    if (value && !(name === 'size' && value === '10')) params.set(name, value);
  }
  if (page > 0) params.set('page', String(page));
  const url = `${location.pathname}?${params}`;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

async function search(page) {
  const query = form.elements.q.value.trim();
  if (!query) {
    results.replaceChildren();
    results.dataset.state = 'idle';
    status.textContent = 'Type words to search the prior decisions\u2019 rationales, summaries and items.';
    return;
  }
  const size = parseInt(form.elements.size.value, 10) || 10;
  const request = { query, pageSize: size, page, facets: true };
  if (form.elements.decision.value) request.decision = form.elements.decision.value;
  if (form.elements.category.value) request.categories = [form.elements.category.value];
  if (form.elements.source.value) request.guidelineSources = [form.elements.source.value];
  if (form.elements.from.value) request.decidedFrom = form.elements.from.value;
  if (form.elements.to.value) request.decidedTo = form.elements.to.value;
  if (form.elements.criterion.value) request.criteria = [form.elements.criterion.value];
  if (form.elements.mode.value) request.mode = form.elements.mode.value;
  const started = performance.now();
  results.dataset.state = 'loading';
  status.textContent = 'Searching\u2026';
  try {
    const answer = await api('/v1/precedents:search', { method: 'POST', body: request });
    render(answer, query, page, size);
    status.textContent = '';
    results.dataset.state = 'done';
    results.dataset.ms = String(Math.round(performance.now() - started));
  } catch (error) {
    results.replaceChildren();
    results.dataset.state = 'error';
    showError(status, error);
  }
}

// How the service found the hits (it answers by words alone until every precedent is embedded, and says so in the notice).
const matchedBy = { lexical: 'matched by words', semantic: 'matched by meaning', hybrid: 'matched by words and meaning' };

function render(answer, query, page, size) {
  const hits = answer.hits || [];
  const total = answer.totalMatches || 0;
  const pages = Math.max(1, Math.ceil(total / size));
  const summary = el('p', { id: 'total' }, total === 0 ? 'No matching decisions.' :
    `${total.toLocaleString('en-US')} matching decision${total === 1 ? '' : 's'}; page ${page + 1} of ${pages.toLocaleString('en-US')}; ${matchedBy[answer.mode] || 'matched by words'}.`);
  const list = el('ol', { class: 'hits', start: String(page * size + 1) }, hits.map(hit => el('li', { class: 'hit' },
    el('h2', {}, badge(hit.decision), ' ', generatedBadge(hit), ' ', hit.exact ? el('span', { class: 'badge exact', title: 'The letter the query names' }, 'Case number match') : '', ' ',
      precedentLink(hit.id, query, hit.requestedItem)),
    el('p', { class: 'meta' }, [categoryLabel(hit.category), hit.decisionDate ? `decided ${hit.decisionDate}` : null, hit.caseNumber,
      hit.collapsedDuplicates ? `${hit.collapsedDuplicates} near-identical rationale${hit.collapsedDuplicates === 1 ? '' : 's'} folded in` : null]
      .filter(Boolean).join(' \u00b7 ')),
    (hit.passageMatches || []).map(p => el('blockquote', {}, highlight(p.text || '', p.matches))))));
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages of results' },
    el('button', { type: 'button', class: 'secondary', disabled: page === 0, onclick: () => go(page - 1) }, 'Previous page'),
    el('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'Next page'));
  // A case number no letter has is said so first (the query is not answered with hits sharing its digits).
  const notice = answer.notice ? el('p', { class: 'notice', id: 'notice', role: 'note' }, answer.notice[0].toUpperCase() + answer.notice.slice(1) + '.') : '';
  results.replaceChildren(notice, summary, facetList(answer.facets || []), list, total > size ? pager : '');
}

/**
 * How the matching precedents decided per criterion status ("functional improvement on opioids documented: 41, 12
 * overturned"); choosing one narrows the search to it, and the active one can be cleared.
 */
function facetList(facets) {
  const active = form.elements.criterion.value;
  if (!facets.length && !active) return '';
  const narrow = value => { form.elements.criterion.value = value; go(0); };
  const items = facets.slice(0, 12).map(f => el('li', {},
    el('button', { type: 'button', class: 'link facet', 'aria-pressed': String(f.filter === active), 'data-filter': f.filter, onclick: () => narrow(f.filter === active ? '' : f.filter) },
      f.text),
    ` — ${(f.upheld + f.overturned).toLocaleString('en-US')} precedent${f.upheld + f.overturned === 1 ? '' : 's'}, ${f.overturned.toLocaleString('en-US')} overturned`));
  return el('details', { class: 'facets', id: 'facets', open: '' },
    el('summary', {}, active ? `Criteria (narrowed to ${active})` : 'Criteria in these precedents'),
    active ? el('p', {}, el('button', { type: 'button', class: 'secondary', id: 'clear-criterion', onclick: () => narrow('') }, 'Show all criteria')) : '',
    el('ul', {}, items));
}

function go(page) {
  writeUrl(page, true);
  search(page);
  results.scrollIntoView({ block: 'start' });
}

form.addEventListener('submit', e => {
  e.preventDefault();
  go(0);
});
window.addEventListener('popstate', () => search(readUrl()));
// The selects are filled with the service's names first, so a category in the URL finds its option.
ready.then(() => search(readUrl()));
