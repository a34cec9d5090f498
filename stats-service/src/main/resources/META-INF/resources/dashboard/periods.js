// Report periods as the report API names them: "2022-H1", "2022-H2", "2022-Q3", "2022".
import { t } from './i18n.js';

const ROMAN = ['I', 'II', 'III', 'IV'];
export const FIRST_YEAR = 2020;

/** "2022-Q3" → {kind: 'Q', year: 2022, n: 3}; null when not a period. */
export function parsePeriod(text) {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/.exec(text || '');
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return { kind: 'Y', year, n: 1 };
  return { kind: m[2][0], year, n: Number(m[2][1]) };
}

export function formatPeriod(p) {
  return p.kind === 'Y' ? String(p.year) : `${p.year}-${p.kind}${p.n}`;
}

function perYear(kind) {
  return kind === 'H' ? 2 : kind === 'Q' ? 4 : 1;
}

export function previous(p, count) {
  const out = [];
  let { year, n } = p;
  for (let i = 0; i < count; i++) {
    n -= 1;
    if (n < 1) { year -= 1; n = perYear(p.kind); }
    out.push({ kind: p.kind, year, n });
  }
  return out;
}

/** The period of the given kind that holds today in Asia/Ho_Chi_Minh. */
export function currentPeriod(kind, now = new Date()) {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
    .format(now).split('-').map(Number);
  if (kind === 'H') return { kind, year: y, n: m <= 6 ? 1 : 2 };
  if (kind === 'Q') return { kind, year: y, n: Math.ceil(m / 3) };
  return { kind: 'Y', year: y, n: 1 };
}

/** Every period of a kind from FIRST_YEAR to the current one (and `also`, if outside), newest first. */
export function periodsOf(kind, also) {
  const cur = currentPeriod(kind);
  const list = [];
  for (let year = Math.max(cur.year, also?.year ?? 0); year >= Math.min(FIRST_YEAR, also?.year ?? FIRST_YEAR); year--) {
    for (let n = perYear(kind); n >= 1; n--) {
      if (year === cur.year && n > cur.n && !(also && also.year === year && also.n === n)) continue;
      list.push({ kind, year, n });
    }
  }
  return list;
}

/** "6 tháng đầu năm 2022", "Quý III/2022", "Năm 2022". */
export function periodLabel(p) {
  if (p.kind === 'H') return t(`H${p.n}`, { y: p.year });
  if (p.kind === 'Q') return t('Q', { y: p.year, q: p.n, r: ROMAN[p.n - 1] });
  return t('Y', { y: p.year });
}

/** "Trong 6 tháng đầu năm 2022" for the news-style summary. */
export function inPeriodLabel(p) {
  if (p.kind === 'H') return t(`inPeriodH${p.n}`, { y: p.year });
  if (p.kind === 'Q') return t('inPeriodQ', { y: p.year, q: p.n, r: ROMAN[p.n - 1] });
  return t('inPeriodY', { y: p.year });
}

/** A short axis label: "H1/2022", "Q3/2022", "2022". */
export function shortLabel(p) {
  if (p.kind === 'H') return t('shortH', { h: `H${p.n}`, y: p.year });
  if (p.kind === 'Q') return t('shortQ', { q: p.n, y: p.year });
  return t('shortY', { y: p.year });
}
