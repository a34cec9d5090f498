// Every URL the page calls, in one place.
export const ENDPOINTS = {
  // options: {by: 'unit'|'field'|'procedure'|'receivingUnit', cutoff: '' (calendar) | '15'}; the defaults are left out of the URL.
  report: (period, unit, options) => `/api/stats/reports/${encodeURIComponent(period)}${query(unit, options)}`,
  reportCsv: (period, unit, options) => `/api/stats/reports/${encodeURIComponent(period)}.csv${query(unit, options)}`,
  units: () => '/api/stats/units',
  config: () => '/api/dashboard/config',
  // deadline-service, another origin (CORS): its base URL comes from /api/dashboard/config.
  overdue: (base, unit) => `${base}/api/deadlines/overdue${unitQuery(unit)}`,
  alertStream: (base, unit) => `${base}/api/alerts/stream${unitQuery(unit)}`,
  // deadline-service's code flow: a top-level navigation there and back here, which leaves its session cookie.
  alertsLogin: (base, returnTo) => `${base}/api/alerts/login?returnTo=${encodeURIComponent(returnTo)}`,
  alertsLogout: (base, returnTo) => `${base}/api/alerts/logout?returnTo=${encodeURIComponent(returnTo)}`,
};

function unitQuery(unit) {
  return unit && unit !== 'ALL' ? `?unit=${encodeURIComponent(unit)}` : '';
}

function query(unit, { by, cutoff } = {}) {
  const params = new URLSearchParams();
  if (unit && unit !== 'ALL') params.set('unit', unit);
  if (by && by !== 'unit') params.set('by', by);
  if (cutoff) params.set('cutoff', cutoff);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * An answer that is not 2xx: carries the problem+json body when there is one. Its message names the offending
 * inputs (`errors: [{field, message}]`) when the problem lists them: they say more than `detail`.
 */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = Array.isArray(problem?.errors)
      ? problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : '';
    super(fields || problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** credentials: 'include' sends another origin's cookies (deadline-service's session); same-origin by default. */
export async function getJson(url, { signal, credentials = 'same-origin' } = {}) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal, credentials });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (ignored) {
      // not JSON
    }
    throw new ApiError(response.status, problem);
  }
  return response.json();
}
