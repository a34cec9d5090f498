// Every URL the page calls, in one place.
export const ENDPOINTS = {
  report: (period, unit) => `/api/stats/reports/${encodeURIComponent(period)}${unitQuery(unit)}`,
  reportCsv: (period, unit) => `/api/stats/reports/${encodeURIComponent(period)}.csv${unitQuery(unit)}`,
  units: () => '/api/stats/units',
  config: () => '/api/dashboard/config',
  // deadline-service, another origin (CORS): its base URL comes from /api/dashboard/config.
  overdue: (base, unit) => `${base}/api/deadlines/overdue${unitQuery(unit)}`,
  alertStream: (base, unit) => `${base}/api/alerts/stream${unitQuery(unit)}`,
};

function unitQuery(unit) {
  return unit && unit !== 'ALL' ? `?unit=${encodeURIComponent(unit)}` : '';
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

export async function getJson(url, { signal } = {}) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
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
