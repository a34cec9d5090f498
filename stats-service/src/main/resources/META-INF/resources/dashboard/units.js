// The unit tree the page offers, as stats-service holds it now (GET /api/stats/units, built from the catalogue
// topic): [{code, name, parentCode, depth}] in tree order, each root followed by its children. No list is shipped
// with the page: when the service does not answer, the picker offers "all units" (and a unit named in the URL).
import { ENDPOINTS, getJson } from './api.js';

export async function loadUnits() {
  try {
    const list = await getJson(ENDPOINTS.units());
    if (Array.isArray(list)) {
      return list.filter((u) => u && u.code).map((u) => ({
        code: u.code, name: u.name || u.code, parentCode: u.parentCode ?? null, depth: Number(u.depth) || 0,
      }));
    }
  } catch (ignored) {
    // the service is down: keep what the page has
  }
  return null;
}

/** The same units in the same places: nothing to redraw. */
export function sameTree(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
