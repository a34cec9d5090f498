// Number, percent and date formats: vi-VN (2.264; 93,37 %; 05/07/2022), en-GB in English.
import { lang } from './i18n.js';

const ZONE = 'Asia/Ho_Chi_Minh';

function locale() {
  return lang() === 'en' ? 'en-GB' : 'vi-VN';
}

export function chartLocale() {
  return locale();
}

export function num(n) {
  return n == null || Number.isNaN(n) ? '–' : new Intl.NumberFormat(locale()).format(n);
}

/** A fraction 0..1 as a percentage with two decimals: 0.9337 → "93,37 %". */
export function pct(fraction) {
  if (fraction == null || Number.isNaN(fraction)) return '–';
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(fraction);
}

/** Working days with up to two decimals: 5.5 → "5,5". */
export function days(n) {
  return n == null || Number.isNaN(n) ? '–'
    : new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(n);
}

/** A local date "2022-07-05" → "05/07/2022", with no time-zone shift. */
export function localDate(iso) {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant "2022-07-05T17:00:00+07:00" → "05/07/2022 17:00" at the one-stop shop (UTC+7). */
export function instant(iso) {
  if (!iso) return '–';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const date = new Intl.DateTimeFormat(locale(), { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale(), { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${date.format(when)} ${time.format(when)}`;
}
