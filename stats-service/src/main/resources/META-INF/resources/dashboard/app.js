// The dashboard: state in the URL (?period=2022-H1&unit=SADEC&by=field&cutoff=15&lang=en), the report, Decision 766's
// indicators, its charts and the live alerts.
import { ENDPOINTS, ApiError, getJson } from './api.js';
import { LANGS, lang, setLang, t } from './i18n.js';
import { days, instant, localDate, num, pct } from './format.js';
import {
  currentPeriod, formatPeriod, inPeriodLabel, parsePeriod, periodLabel, periodsOf, previous, shortLabel,
} from './periods.js';
import { loadUnits, sameTree } from './units.js';
import { clearCharts, drawChannels, drawOutcome, drawTrend } from './charts.js';
import { AlertsPanel } from './alerts.js';

const TREND_PERIODS = 4; // before the chosen one

const $ = (id) => document.getElementById(id);
let units = [];
let state = readUrl();
let loadToken = 0;
let lastReport = null;
let lastTrend = null;
let lastChildren = null;
let alertsBase = null;
const alerts = new AlertsPanel({ unitName });

function readUrl() {
  const params = new URLSearchParams(location.search);
  const period = parsePeriod(params.get('period')) || currentPeriod('H');
  const unit = (params.get('unit') || 'ALL').toUpperCase();
  const language = LANGS.includes(params.get('lang')) ? params.get('lang') : 'vi';
  const by = ['unit', 'field', 'procedure', 'receivingUnit'].includes(params.get('by')) ? params.get('by') : 'unit';
  const cutoff = params.get('cutoff') === '15' ? '15' : '';
  return { period, unit, by, cutoff, lang: language };
}

/** What the report requests carry besides period and unit. */
function options() {
  return { by: state.by, cutoff: state.cutoff };
}

function writeUrl(push) {
  const params = new URLSearchParams();
  params.set('period', formatPeriod(state.period));
  params.set('unit', state.unit);
  if (state.by !== 'unit') params.set('by', state.by);
  if (state.cutoff) params.set('cutoff', state.cutoff);
  if (state.lang !== 'vi') params.set('lang', state.lang);
  const url = `${location.pathname}?${params}`;
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

function unitName(code) {
  if (!code || code === 'ALL') return t('allUnits');
  return units.find((u) => u.code === code)?.name || code;
}

// --- controls ---------------------------------------------------------------------------------------------------

function fillControls() {
  $('period-kind').value = state.period.kind;
  const periods = periodsOf(state.period.kind, state.period);
  $('period-select').replaceChildren(...periods.map((p) => new Option(periodLabel(p), formatPeriod(p))));
  $('period-select').value = formatPeriod(state.period);

  fillUnits();

  for (const a of document.querySelectorAll('[data-lang]')) {
    const params = new URLSearchParams(location.search);
    params.set('lang', a.dataset.lang);
    a.href = `?${params}`;
    a.setAttribute('aria-current', a.dataset.lang === state.lang ? 'true' : 'false');
  }
  $('by-select').value = state.by;
  $('cutoff-select').value = state.cutoff;
  $('csv-link').href = ENDPOINTS.reportCsv(formatPeriod(state.period), state.unit, options());
}

/** The unit picker: the tree in its order, each unit indented by its depth (one em space a level). */
function fillUnits() {
  const options = [new Option(t('allUnits'), 'ALL')];
  for (const u of units) {
    const option = new Option(`${'\u2003'.repeat(u.depth)}${u.name}`, u.code);
    option.dataset.depth = String(u.depth);
    options.push(option);
  }
  if (!units.some((u) => u.code === state.unit) && state.unit !== 'ALL') options.push(new Option(state.unit, state.unit));
  $('unit-select').replaceChildren(...options);
  $('unit-select').value = state.unit;
}

/** Reads the tree again: a unit that arrived or moved since the page opened shows where it is now. */
async function refreshUnits() {
  const fresh = await loadUnits();
  if (fresh && !sameTree(fresh, units)) {
    units = fresh;
    fillUnits();
  }
}

function onControls(event) {
  const id = event.target.id;
  if (id === 'period-kind') {
    state.period = convert(state.period, event.target.value);
  } else if (id === 'period-select') {
    state.period = parsePeriod(event.target.value) || state.period;
  } else if (id === 'unit-select') {
    state.unit = event.target.value;
  } else if (id === 'by-select') {
    state.by = event.target.value;
  } else if (id === 'cutoff-select') {
    state.cutoff = event.target.value;
  } else {
    return;
  }
  writeUrl(true);
  render();
}

/** The period of another kind that holds the last month of p (2022-H1 → 2022-Q2), not later than today's. */
function convert(p, kind) {
  const lastMonth = p.kind === 'H' ? p.n * 6 : p.kind === 'Q' ? p.n * 3 : 12;
  const next = { kind, year: p.year, n: kind === 'H' ? Math.ceil(lastMonth / 6) : kind === 'Q' ? lastMonth / 3 : 1 };
  const cur = currentPeriod(kind);
  return next.year > cur.year || (next.year === cur.year && next.n > cur.n) ? cur : next;
}

function onLang(event) {
  const a = event.target.closest('[data-lang]');
  if (!a) return;
  event.preventDefault();
  state.lang = a.dataset.lang;
  writeUrl(true);
  render();
}

// --- report -----------------------------------------------------------------------------------------------------

async function render() {
  setLang(state.lang);
  document.title = `${t('title')} — Một Cửa`;
  fillControls();
  const period = formatPeriod(state.period);
  $('report-heading').textContent = `${periodLabel(state.period)} · ${unitName(state.unit)}`;
  document.body.dataset.period = period;
  document.body.dataset.unit = state.unit;
  const key = `${period}|${state.unit}|${state.by}|${state.cutoff}`;
  if (lastReport && lastReport.key === key) {
    // only the language changed: redraw what is there
    show(lastReport.report);
    if (lastTrend) drawTrend(lastTrend.map((p) => ({ ...p, label: shortLabel(p.period) })));
    showChildRows();
    alerts.render();
    alerts.status($('alerts-status').dataset.status);
    return;
  }
  alerts.start(alertsBase, state.unit);
  const token = ++loadToken;
  const unitsRead = refreshUnits(); // alongside the report: names and child rows as the tree stands now
  lastChildren = null;
  showChildRows();
  document.body.dataset.state = 'loading';
  $('report-range').textContent = t('loading');
  let report = null;
  let failure = null;
  try {
    report = await getJson(ENDPOINTS.report(period, state.unit, options()));
  } catch (e) {
    failure = e;
  }
  await unitsRead;
  if (token !== loadToken) return;
  $('report-heading').textContent = `${periodLabel(state.period)} · ${unitName(state.unit)}`;
  if (report) {
    lastReport = { key, report };
    $('report-error').hidden = true;
    show(report);
    document.body.dataset.state = 'ready';
  } else {
    lastReport = null;
    clear();
    const box = $('report-error');
    box.hidden = false;
    box.textContent = `${t('errorReport')}: ${failure instanceof ApiError
      ? (failure.problem ? `${failure.message} (HTTP ${failure.status})` : `HTTP ${failure.status}`) : t('errorNetwork')}`;
    document.body.dataset.state = 'error';
  }
  loadTrend(token);
  loadChildRows(token);
}

/**
 * Form 06 lists, under the chosen unit, each unit directly below it (under ALL: the roots of the tree), its whole
 * subtree; by field, procedure or receiving counter, the rows of the report's own breakdown.
 */
async function loadChildRows(token) {
  if (state.by !== 'unit') {
    lastChildren = (lastReport?.report?.rows || []).map((row) => ({ unit: { code: row.code, name: row.name }, report: row }));
    showChildRows();
    return;
  }
  const children = units.filter((u) => (state.unit === 'ALL' ? u.depth === 0 : u.parentCode === state.unit));
  const period = formatPeriod(state.period);
  const reports = await Promise.all(children.map((u) => getJson(ENDPOINTS.report(period, u.code, { cutoff: state.cutoff }))
    .catch(() => null)));
  if (token !== loadToken) return;
  lastChildren = children.map((u, i) => ({ unit: u, report: reports[i] }));
  showChildRows();
}

function showChildRows() {
  const body = document.querySelector('.form06 tbody');
  body.querySelectorAll('tr.child').forEach((tr) => tr.remove());
  (lastChildren || []).forEach(({ unit, report }, i) => {
    const tr = document.createElement('tr');
    tr.className = 'child';
    tr.dataset.testid = 'f06-child-row';
    tr.dataset.unit = unit.code;
    const no = document.createElement('td');
    no.textContent = `1.${i + 1}`;
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = unit.name;
    tr.append(no, name);
    const values = report ? form06Columns(report) : {};
    for (const key of COLUMN_KEYS) {
      const td = document.createElement('td');
      td.className = `num${key === 'c10' || key === 'c13' ? ' late' : ''}`;
      td.dataset.col = key;
      td.textContent = report ? num(values[key]) : '–';
      tr.append(td);
    }
    body.append(tr);
  });
}

async function loadTrend(token) {
  const periods = [...previous(state.period, TREND_PERIODS).reverse(), state.period];
  const reports = await Promise.all(periods.map((p) => getJson(ENDPOINTS.report(formatPeriod(p), state.unit, { cutoff: state.cutoff }))
    .catch(() => null)));
  if (token !== loadToken) return;
  lastTrend = periods.map((p, i) => ({ period: p, report: reports[i] }));
  drawTrend(lastTrend.map((p) => ({ ...p, label: shortLabel(p.period) })));
  document.body.dataset.trend = 'ready';
}

function setText(testid, text) {
  document.querySelector(`[data-testid="${testid}"]`).textContent = text;
}

function show(r) {
  const online = r.received.newOnline;
  setText('headline-received', num(r.received.total));
  setText('headline-onTimeOrEarly', num(r.summary.onTimeOrEarly));
  setText('headline-lateOrOverdue', num(r.summary.lateOrOverdue));
  setText('headline-online', num(online));
  $('sub-received').textContent = t('subReceived', {
    new: num(r.received.newOnline + r.received.newDirectOrPostal), carried: num(r.received.carriedOver) });
  $('sub-ontime').textContent = t('subOnTime', { rate: pct(r.summary.onTimeRate) });
  $('sub-late').textContent = t('subLate', { late: num(r.resolved.late), overdue: num(r.pending.overdue) });
  $('sub-online').textContent = t('subOnline', {
    rate: pct(r.summary.onlineRate), l3: num(r.online.level3), l4: num(r.online.level4) });

  const p = parsePeriod(r.period) || state.period;
  $('report-range').textContent = t('rangeLine', { from: localDate(r.from), to: localDate(r.to) });
  $('asof').textContent = r.asOf ? t('asOf', { time: instant(r.asOf) }) : '';
  setText('summary-text', t('summary', {
    period: inPeriodLabel(p), unit: unitName(r.unit || state.unit), received: num(r.received.total),
    carried: num(r.received.carriedOver), onTime: num(r.summary.onTimeOrEarly), onTimeRate: pct(r.summary.onTimeRate),
    late: num(r.summary.lateOrOverdue), online: num(online), onlineRate: pct(r.summary.onlineRate),
    pending: num(r.pending.total), withdrawn: num(r.withdrawn),
  }));

  $('f06-name-head').textContent = t({ unit: 'f06Unit', field: 'f06ByField', procedure: 'f06ByProcedure',
    receivingUnit: 'f06ByReceivingUnit' }[state.by]);
  setText('f06-unit', state.by === 'unit' ? unitName(r.unit || state.unit) : `${t('f06Sum')} · ${unitName(r.unit || state.unit)}`);
  for (const [key, value] of Object.entries(form06Columns(r))) setText(`f06-${key}`, num(value));
  showIndicators(r.indicators);

  drawOutcome(r);
  drawChannels(r);
}

/** Decision 766's indicators of the report (docs/time-and-counting.md, "Indicators"); '–' when there is nothing to divide. */
function showIndicators(ind) {
  setText('ind-onTime', pct(ind?.onTimeShare));
  setText('ind-online', pct(ind?.onlineShare));
  setText('ind-handling', days(ind?.averageHandlingWorkingDays));
  setText('ind-electronic', pct(ind?.electronicResultShare));
  $('ind-handling-note').textContent = ind ? t('indHandlingNote', { days: days(ind.averageHandlingWorkingDays), n: num(ind.handlingMeasured) }) : '';
  $('ind-electronic-note').textContent = ind ? t('indElectronicNote', { e: num(ind.resultElectronic), known: num(ind.resultDeliveryKnown) }) : '';
  const list = document.querySelector('[data-testid="ind-by-procedure"]');
  const items = (ind?.averageHandlingWorkingDaysByProcedure || []).map((p) => {
    const li = document.createElement('li');
    li.dataset.procedure = p.code;
    li.textContent = `${p.name}: ${days(p.averageHandlingWorkingDays)} (${num(p.measured)})`;
    return li;
  });
  if (!items.length) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = t('indNone');
    items.push(li);
  }
  list.replaceChildren(...items);
}

const COLUMN_KEYS = ['c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13', 'withdrawn'];

/** Form 06's columns (3)…(13) and the withdrawn column, from a report answer. */
function form06Columns(r) {
  return {
    c3: r.received.total, c4: r.received.newOnline, c5: r.received.newDirectOrPostal, c6: r.received.carriedOver,
    c7: r.resolved.total, c8: r.resolved.early, c9: r.resolved.onTime, c10: r.resolved.late,
    c11: r.pending.total, c12: r.pending.withinDeadline, c13: r.pending.overdue, withdrawn: r.withdrawn,
  };
}

function clear() {
  for (const id of ['headline-received', 'headline-onTimeOrEarly', 'headline-lateOrOverdue', 'headline-online']) {
    setText(id, '–');
  }
  for (const id of ['sub-received', 'sub-ontime', 'sub-late', 'sub-online', 'report-range', 'asof']) $(id).textContent = '';
  setText('summary-text', '');
  setText('f06-unit', unitName(state.unit));
  for (const el of document.querySelectorAll('[data-testid^="f06-c"], [data-testid="f06-withdrawn"]')) el.textContent = '–';
  showIndicators(null);
  clearCharts();
}

// --- start ------------------------------------------------------------------------------------------------------

async function start() {
  setLang(state.lang);
  const [loadedUnits, config] = await Promise.all([
    loadUnits(),
    getJson(ENDPOINTS.config()).catch(() => null),
  ]);
  units = loadedUnits || [];
  alertsBase = config?.alertsBaseUrl ?? `${location.protocol}//${location.hostname}:8082`;
  if (config?.citizenPageUrl) $('citizen-link').href = config.citizenPageUrl;
  $('controls').addEventListener('change', onControls);
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  document.querySelector('.lang').addEventListener('click', onLang);
  window.addEventListener('popstate', () => {
    state = readUrl();
    render();
  });
  writeUrl(false);
  render();
}

start();
