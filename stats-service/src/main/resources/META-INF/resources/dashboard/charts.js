// The three charts (Chart.js from the webjar, global `Chart`). Each is drawn once and updated in place.
import { t } from './i18n.js';
import { chartLocale, num, pct } from './format.js';

export const COLORS = {
  early: '#1b7f4b', onTime: '#58b368', late: '#c8102e', within: '#f2b33d', overdue: '#8a0b1f', withdrawn: '#9aa5b1',
  direct: '#0b3d91', l3: '#3f8fd2', l4: '#12a4a8', carried: '#9aa5b1', received: '#0b3d91', rate: '#1b7f4b',
};

const charts = {};

function available() {
  return typeof window.Chart === 'function';
}

function upsert(id, config) {
  if (!available()) return;
  const existing = charts[id];
  if (existing && existing.config.type === config.type) {
    existing.data.labels = config.data.labels;
    existing.data.datasets.forEach((ds, i) => Object.assign(ds, config.data.datasets[i]));
    existing.options.locale = config.options.locale;
    for (const [name, plugin] of Object.entries(config.options.plugins)) {
      if (name === 'legend') continue; // keeps the position chosen on resize
      existing.options.plugins[name] = plugin;
    }
    if (config.options.scales) {
      for (const [axis, scale] of Object.entries(config.options.scales)) Object.assign(existing.options.scales[axis], scale);
    }
    existing.update();
    return;
  }
  existing?.destroy();
  charts[id] = new window.Chart(document.getElementById(id), config);
}

/** Legend beside the doughnut when there is room, below it on a phone. */
function legendPosition(width) {
  return width < 400 ? 'bottom' : 'right';
}

function doughnut(id, labels, values, colors, ariaLabel) {
  const canvas = document.getElementById(id);
  canvas.setAttribute('aria-label', ariaLabel);
  canvas.dataset.values = JSON.stringify(values);
  upsert(id, {
    type: 'doughnut',
    data: { labels, datasets: [{ data: values, backgroundColor: colors, borderWidth: 2, borderColor: '#fff' }] },
    options: {
      locale: chartLocale(),
      maintainAspectRatio: false,
      cutout: '58%',
      onResize: (chart, size) => {
        const position = legendPosition(size.width);
        if (chart.options.plugins.legend.position !== position) {
          chart.options.plugins.legend.position = position;
          chart.update('none');
        }
      },
      plugins: {
        legend: { position: legendPosition(canvas.parentElement.clientWidth), labels: { boxWidth: 14, boxHeight: 14, font: { size: 13 } } },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const total = ctx.dataset.data.reduce((a, b) => a + b, 0);
              return ` ${ctx.label}: ${num(ctx.parsed)} (${pct(total ? ctx.parsed / total : 0)})`;
            },
          },
        },
      },
    },
  });
}

export function drawOutcome(r) {
  const labels = [t('outEarly'), t('outOnTime'), t('outLate'), t('outWithin'), t('outOverdue'), t('outWithdrawn')];
  const values = [r.resolved.early, r.resolved.onTime, r.resolved.late, r.pending.withinDeadline, r.pending.overdue,
    r.withdrawn];
  const aria = labels.map((l, i) => `${l}: ${num(values[i])}`).join('; ');
  doughnut('chart-outcome', labels, values,
    [COLORS.early, COLORS.onTime, COLORS.late, COLORS.within, COLORS.overdue, COLORS.withdrawn], aria);
}

export function drawChannels(r) {
  const labels = [t('chDirect'), t('chL3'), t('chL4'), t('chCarried')];
  const values = [r.received.newDirectOrPostal, r.online.level3, r.online.level4, r.received.carriedOver];
  const aria = labels.map((l, i) => `${l}: ${num(values[i])}`).join('; ');
  doughnut('chart-channels', labels, values, [COLORS.direct, COLORS.l3, COLORS.l4, COLORS.carried], aria);
}

/** points: [{label, report|null}], oldest first. */
export function drawTrend(points) {
  const canvas = document.getElementById('chart-trend');
  const received = points.map((p) => (p.report ? p.report.received.total : null));
  const rate = points.map((p) => (p.report ? p.report.summary.onTimeRate : null));
  canvas.setAttribute('aria-label', points.map((p, i) => `${p.label}: ${num(received[i])}, ${pct(rate[i])}`).join('; '));
  canvas.dataset.points = String(points.length);
  upsert('chart-trend', {
    type: 'bar',
    data: {
      labels: points.map((p) => p.label),
      datasets: [
        { type: 'bar', label: t('trendReceived'), data: received, backgroundColor: COLORS.received, borderRadius: 4,
          yAxisID: 'y', order: 2, maxBarThickness: 56 },
        { type: 'line', label: t('trendRate'), data: rate, borderColor: COLORS.rate, backgroundColor: COLORS.rate,
          yAxisID: 'rate', order: 1, tension: 0.25, pointRadius: 4, spanGaps: true },
      ],
    },
    options: {
      locale: chartLocale(),
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 14 } },
        tooltip: {
          callbacks: {
            label: (ctx) => ` ${ctx.dataset.label}: ${ctx.parsed.y == null ? t('trendNoData')
              : ctx.dataset.yAxisID === 'rate' ? pct(ctx.parsed.y) : num(ctx.parsed.y)}`,
          },
        },
      },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: t('dossiers') }, ticks: { callback: (v) => num(v) } },
        rate: { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false },
          ticks: { callback: (v) => pct(v).replace(/[.,]00/, '') } },
      },
    },
  });
}

/** No report: the outcome and channel charts go blank rather than show the previous view's figures. */
export function clearCharts() {
  for (const id of ['chart-outcome', 'chart-channels']) {
    charts[id]?.destroy();
    delete charts[id];
  }
}
