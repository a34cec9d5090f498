// Units the page offers. stats-service may answer GET /api/stats/units; otherwise this list of Sa Đéc is used.
import { ENDPOINTS, getJson } from './api.js';

export const FALLBACK_UNITS = [
  { code: 'SADEC', name: 'UBND thành phố Sa Đéc', parentCode: null },
  { code: 'SADEC-P1', name: 'Phường 1', parentCode: 'SADEC' },
  { code: 'SADEC-P2', name: 'Phường 2', parentCode: 'SADEC' },
  { code: 'SADEC-P3', name: 'Phường 3', parentCode: 'SADEC' },
  { code: 'SADEC-P4', name: 'Phường 4', parentCode: 'SADEC' },
  { code: 'SADEC-AH', name: 'Phường An Hòa', parentCode: 'SADEC' },
  { code: 'SADEC-TQD', name: 'Phường Tân Quy Đông', parentCode: 'SADEC' },
  { code: 'SADEC-TKD', name: 'Xã Tân Khánh Đông', parentCode: 'SADEC' },
  { code: 'SADEC-TQT', name: 'Xã Tân Quy Tây', parentCode: 'SADEC' },
  { code: 'SADEC-TPD', name: 'Xã Tân Phú Đông', parentCode: 'SADEC' },
];

export async function loadUnits() {
  try {
    const answer = await getJson(ENDPOINTS.units());
    const list = Array.isArray(answer) ? answer : answer?.units;
    if (Array.isArray(list) && list.length && list.every((u) => u && u.code)) {
      return list.map((u) => ({ code: u.code, name: u.name || u.code, parentCode: u.parentCode ?? null }));
    }
  } catch (ignored) {
    // endpoint absent or down: the shipped list
  }
  return FALLBACK_UNITS;
}

/** Parents first, each followed by its children. */
export function ordered(units) {
  const byParent = new Map();
  for (const u of units) {
    const key = u.parentCode && units.some((p) => p.code === u.parentCode) ? u.parentCode : null;
    if (!byParent.has(key)) byParent.set(key, []);
    byParent.get(key).push(u);
  }
  const out = [];
  const walk = (parent, depth) => {
    for (const u of byParent.get(parent) || []) {
      out.push({ ...u, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
