// The live panel: overdue and due-soon dossiers per unit, from deadline-service (another origin, CORS):
// the current overdue list on load, then Server-Sent Events as alerts happen. Both need a supervisor's (or clerk's,
// or admin's) session at deadline-service, a cookie its code flow leaves (login link below): the overdue list is
// asked first, with that cookie, and its status says whether to open the stream, ask for a login (401) or say the
// unit is not the caller's (403). EventSource reports no status, so a stream that closes is checked the same way.
import { ENDPOINTS, getJson } from './api.js';
import { t } from './i18n.js';
import { instant, localDate, num } from './format.js';

const TYPES = ['deadline.due-soon', 'deadline.overdue', 'deadline.appointment-missed'];
const MAX_ITEMS = 50;

export class AlertsPanel {
  constructor({ unitName }) {
    this.unitName = unitName;
    this.base = null;
    this.unit = null;
    this.source = null;
    this.retryTimer = null;
    this.retryDelay = 1000;
    this.dossiers = new Map(); // dossierCode → {type, unitCode, procedureCode, dueDate, dueAt, provisional, time, fresh}
    this.seenIds = new Set();
    this.generation = 0;
    this.signedIn = false; // deadline-service answered with the caller's rights (200 or 403)
    this.access = null; // null (unknown or allowed), 'login' or 'forbidden'
  }

  /** Starts (or restarts, for another unit) the panel. base: deadline-service's URL, or null when unknown. */
  async start(base, unit) {
    if (this.base === base && this.unit === unit && this.source) return;
    this.stop();
    this.base = base;
    this.unit = unit;
    this.dossiers.clear();
    this.seenIds.clear();
    this.render();
    if (!base) {
      this.status('off');
      return;
    }
    const generation = ++this.generation;
    this.status('connecting');
    if (await this.mayStream(generation)) this.connect(generation);
  }

  /**
   * Reads the overdue list with deadline-service's session cookie and adds what is not shown yet. True when the
   * stream may be opened: allowed, or no answer at all (deadline-service away: the stream retries on its own).
   */
  async mayStream(generation) {
    let list;
    try {
      list = await getJson(ENDPOINTS.overdue(this.base, this.unit), { credentials: 'include' });
    } catch (e) {
      if (generation !== this.generation) return false;
      if (e.status === 401 || e.status === 403) {
        this.signedIn = e.status === 403;
        this.access = e.status === 401 ? 'login' : 'forbidden';
        this.status(this.access);
        this.render();
        return false;
      }
      // the list is a convenience: the stream still brings what happens from now on
      console.warn('overdue list unavailable', e);
      return true;
    }
    if (generation !== this.generation) return false;
    this.signedIn = true;
    this.access = null;
    if (Array.isArray(list)) {
      for (const d of list) {
        const code = d.dossierCode || d.code;
        if (!code || this.dossiers.has(code)) continue;
        this.dossiers.set(code, {
          type: 'deadline.overdue', unitCode: d.unitCode, procedureCode: d.procedureCode, dueDate: d.dueDate,
          dueAt: d.dueAt, provisional: d.dueDateProvisional === true, time: d.dueAt, fresh: false,
        });
      }
    }
    this.render();
    return true;
  }

  stop() {
    this.generation++;
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    this.access = null;
  }

  connect(generation) {
    this.status('connecting');
    const source = new EventSource(ENDPOINTS.alertStream(this.base, this.unit), { withCredentials: true });
    this.source = source;
    source.onopen = () => {
      this.retryDelay = 1000;
      this.status('live');
    };
    const onEvent = (event) => this.onEvent(event, generation);
    for (const type of TYPES) source.addEventListener(type, onEvent);
    source.onmessage = onEvent; // events without a name: the type is in the CloudEvent
    source.onerror = () => {
      if (generation !== this.generation) return;
      this.status('down');
      if (source.readyState === EventSource.CLOSED) {
        // the browser gave up (refused, not text/event-stream, CORS): an expired session or a unit not ours is
        // learnt from the overdue list; otherwise try again ourselves, slower each time
        this.retryTimer = setTimeout(async () => {
          if (generation === this.generation && await this.mayStream(generation)) this.connect(generation);
        }, this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, 30000);
      }
    };
  }

  onEvent(event, generation) {
    if (generation !== this.generation) return;
    let cloudEvent;
    try {
      cloudEvent = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    const type = cloudEvent.type || event.type;
    if (!TYPES.includes(type)) return;
    if (cloudEvent.id) {
      if (this.seenIds.has(cloudEvent.id)) return;
      this.seenIds.add(cloudEvent.id);
    }
    const data = cloudEvent.data || {};
    const code = data.dossierCode || cloudEvent.subject;
    if (!code) return;
    this.dossiers.delete(code); // re-inserted last: newest first in the list
    this.dossiers.set(code, {
      type, unitCode: data.unitCode, procedureCode: data.procedureCode, dueDate: data.dueDate, dueAt: data.dueAt,
      provisional: data.dueDateProvisional === true, time: cloudEvent.time, fresh: true,
    });
    this.render();
  }

  status(state) {
    const el = document.getElementById('alerts-status');
    el.dataset.status = state;
    el.textContent = t({
      connecting: 'statusConnecting', live: 'statusLive', down: 'statusDown', off: 'statusOff',
      login: 'statusLogin', forbidden: 'statusForbidden',
    }[state]);
    // Back to this very page (unit, period, language in its URL) after deadline-service's login or logout.
    const login = document.getElementById('alerts-login');
    const logout = document.getElementById('alerts-logout');
    if (this.base) {
      login.href = ENDPOINTS.alertsLogin(this.base, location.href);
      logout.action = ENDPOINTS.alertsLogout(this.base, location.href);
    }
    login.hidden = state !== 'login';
    logout.hidden = !this.signedIn || !this.base;
    document.getElementById('alerts-forbidden').hidden = state !== 'forbidden';
  }

  /** Redraws counts per unit and the list (also after a language switch). */
  render() {
    const entries = [...this.dossiers.entries()].reverse();
    const perUnit = new Map();
    for (const [, d] of entries) {
      const key = d.unitCode || '?';
      const counts = perUnit.get(key) || { overdue: 0, dueSoon: 0 };
      if (d.type === 'deadline.due-soon') counts.dueSoon++; else counts.overdue++;
      perUnit.set(key, counts);
    }
    const body = document.getElementById('alerts-units-body');
    body.replaceChildren(...[...perUnit.entries()]
      .sort((a, b) => b[1].overdue - a[1].overdue || b[1].dueSoon - a[1].dueSoon)
      .map(([unit, c]) => {
        const tr = document.createElement('tr');
        tr.dataset.unit = unit;
        tr.append(cell('th', this.unitName(unit)), cell('td', num(c.overdue), 'num late'), cell('td', num(c.dueSoon), 'num soon'));
        tr.children[1].dataset.testid = 'alerts-unit-overdue';
        tr.children[2].dataset.testid = 'alerts-unit-due-soon';
        return tr;
      }));
    document.querySelector('[data-testid="alerts-by-unit"]').hidden = perUnit.size === 0;
    document.getElementById('alerts-empty').hidden = entries.length > 0 || this.access !== null;

    const list = document.getElementById('alerts-list');
    list.replaceChildren(...entries.slice(0, MAX_ITEMS).map(([code, d]) => {
      const li = document.createElement('li');
      li.className = `alert alert-${d.type.replace('deadline.', '')}${d.fresh ? ' fresh' : ''}`;
      li.dataset.testid = 'alert-item';
      li.dataset.dossier = code;
      li.dataset.type = d.type;
      const badge = cell('span', t(d.type), 'badge');
      const title = cell('span', code, 'code');
      const meta = cell('span', [this.unitName(d.unitCode), d.procedureCode,
        t('alertDue', { due: d.dueAt ? instant(d.dueAt) : localDate(d.dueDate) })].filter(Boolean).join(' · '), 'meta');
      if (d.provisional) meta.append(' ', provisionalMark());
      li.append(badge, title, meta);
      return li;
    }));
    for (const [, d] of entries) d.fresh = false;
  }
}

/**
 * "(tạm tính)" after a due date that may still move: it was counted on the Labour Code rule for a year whose official
 * schedule of days off is not out yet (dueDateProvisional on the overdue list's items and on the alerts).
 */
export function provisionalMark() {
  const mark = cell('span', t('dueProvisional'), 'provisional');
  mark.title = t('dueProvisionalTitle');
  mark.dataset.testid = 'alert-due-provisional';
  return mark;
}

function cell(tag, text, className) {
  const el = document.createElement(tag);
  el.textContent = text ?? '';
  if (className) el.className = className;
  return el;
}
