// Model: the serving bundle, its validation metrics beside the baselines, reliability table and plots, last reload.
import { api, ready, categoryLabel, el, showError } from './common.js';

const status = document.getElementById('status');
const view = document.getElementById('model');
const number = (v, digits = 3) => (typeof v === 'number' && isFinite(v) ? v.toFixed(digits) : '\u2014');
const metricRows = [
  ['ROC-AUC', 'rocAuc'], ['PR-AUC', 'prAuc'], ['Log-loss', 'logLoss'], ['Brier', 'brier'], ['ECE', 'ece'],
  ['Balanced accuracy', 'balancedAccuracy'], ['Precision (Overturned)', 'precision'], ['Recall (Overturned)', 'recall'], ['Top-10% recall', 'top10Recall'],
];

async function load() {
  view.dataset.state = 'loading';
  try {
    render(await api('/v1/model'));
    view.dataset.state = 'done';
  } catch (error) {
    view.dataset.state = 'error';
    showError(status, error);
  }
}

function render(info) {
  let manifest = {};
  try { manifest = JSON.parse(info.manifestJson || '{}'); } catch { manifest = {}; }
  const metrics = manifest.metrics || {};
  const models = [['Model', metrics.model], ['Logistic regression', metrics.logisticRegression], ['Always Upheld', metrics.alwaysUpheld]].filter(m => m[1]);
  const labels = manifest.labels || {};
  const reliability = (metrics.model || {}).reliability || [];
  const plots = (info.reportFiles || []).filter(f => f.endsWith('.png'));
  view.replaceChildren(
    el('h2', {}, 'Serving bundle'),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Version'), el('dd', { id: 'version' }, info.bundleVersion),
      el('dt', {}, 'Made'), el('dd', {}, info.createdUtc),
      el('dt', {}, 'Serving since'), el('dd', { id: 'promoted' }, info.promotedUtc
        ? `${info.promotedUtc} (${info.promotionReason}${info.previousVersion ? `, replacing ${info.previousVersion}` : ''})`
        : 'written in place, not promoted from the history'),
      el('dt', {}, 'Calibration'), el('dd', { id: 'calibration' }, manifest.calibration
        ? `${manifest.calibration.method}, fitted on ${manifest.calibration.fittedOn}${info.recalibratedFrom ? ` (the model of ${info.recalibratedFrom}, recalibrated)` : ''}`
        : 'ML.NET\u2019s Platt step only'),
      el('dt', {}, 'Training data'), el('dd', {}, `${(manifest.dataSources || []).join('; ')} \u2014 ${(info.rows || 0).toLocaleString('en-US')} items (${(labels.overturned || 0).toLocaleString('en-US')} overturned)`),
      // Bundles made before the calibration was fitted apart named ML.NET's Platt step in the trainer: the calibration line says what is true.
      el('dt', {}, 'Trainer'), el('dd', { id: 'trainer' }, (manifest.trainer || info.corpusKind || '').replace(/, Platt-calibrated$/, '')),
      el('dt', {}, 'Threshold'), el('dd', {}, number(info.threshold)),
      el('dt', {}, 'Precedents'), el('dd', {}, (info.precedents || 0).toLocaleString('en-US')),
      el('dt', {}, 'Last reload'), el('dd', { id: 'last-load', class: info.lastLoadError ? 'error' : undefined },
        info.lastLoadError ? `refused: ${info.lastLoadError} (the bundle above keeps serving)` : 'loaded without error')),
    el('h2', {}, 'Validation (grouped out-of-fold)'),
    el('div', { class: 'table-scroll' }, el('table', { id: 'metrics' },
      el('caption', {}, 'The model beside its baselines on the same folds'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Metric'), models.map(m => el('th', { scope: 'col', class: 'num' }, m[0])))),
      el('tbody', {}, metricRows.map(([label, key]) => el('tr', {}, el('th', { scope: 'row' }, label),
        models.map(m => el('td', { class: 'num' }, number(m[1][key])))))))),
    el('h2', {}, 'Reliability'),
    el('div', { class: 'table-scroll' }, el('table', { id: 'reliability' },
      el('caption', {}, 'Items by predicted probability: the share that were overturned'),
      el('thead', {}, el('tr', {}, ['Predicted', 'Items', 'Mean predicted', 'Observed overturned'].map((h, i) => el('th', { scope: 'col', class: i ? 'num' : undefined }, h)))),
      el('tbody', {}, reliability.map(bin => el('tr', {},
        el('td', {}, `${number(bin.lower, 1)}\u2013${number(bin.upper, 1)}`), el('td', { class: 'num' }, bin.count),
        el('td', { class: 'num' }, number(bin.meanPredicted)), el('td', { class: 'num' }, number(bin.observedRate))))))),
    el('h2', {}, 'Training items per category'),
    el('div', { class: 'table-scroll' }, el('table', { id: 'support' },
      el('caption', {}, `Predictions for a category with fewer than ${info.lowSupportBelow || 0} training items are marked \u201cfew examples\u201d`),
      el('thead', {}, el('tr', {}, ['Category', 'Items', 'Overturned', 'Note'].map((h, i) => el('th', { scope: 'col', class: i && i < 3 ? 'num' : undefined }, h)))),
      el('tbody', {}, (info.categorySupport || []).map(s => el('tr', {},
        el('td', {}, categoryLabel(s.category)), el('td', { class: 'num' }, (s.items || 0).toLocaleString('en-US')), el('td', { class: 'num' }, (s.overturned || 0).toLocaleString('en-US')),
        el('td', {}, (s.items || 0) < (info.lowSupportBelow || 0) ? 'few examples' : '')))))),
    el('h2', {}, 'Plots'),
    plots.length
      ? el('div', { class: 'plots' }, plots.map(name => {
        const src = `/v1/model/report/${name}?v=${encodeURIComponent(info.bundleVersion)}`;
        const caption = { 'roc.png': 'ROC curve', 'pr.png': 'Precision-recall curve', 'calibration.png': 'Calibration' }[name] || name;
        // Each plot opens at full size: the page shows it at the column's width.
        return el('figure', {},
          el('a', { href: src, target: '_blank', rel: 'noopener', title: `${caption} at full size` },
            el('img', { src, alt: `${name.replace('.png', '').toUpperCase()} plot of the validation scores`, loading: 'lazy', width: '600', height: '400' })),
          el('figcaption', { class: 'meta' }, caption, ' \u00b7 ', el('a', { href: src, target: '_blank', rel: 'noopener', class: 'full-size' }, 'open full size')));
      }))
      : el('p', { class: 'meta' }, 'This bundle carries no plots.'),
    (info.reportFiles || []).includes('report.md') ? el('p', {}, el('a', { href: '/v1/model/report/report.md' }, 'The full validation report (markdown)')) : '');
}

ready.then(load);
