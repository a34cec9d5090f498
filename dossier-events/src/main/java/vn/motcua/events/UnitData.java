package vn.motcua.events;

/**
 * The {@code data} of {@code unit.changed}: the unit's whole new state (đơn vị: province, district or city, ward or
 * commune). A reader keeps, per code, the state of the highest {@code version} it has seen.
 *
 * @param parentCode the unit it belongs to; null for a root (a province)
 * @param version    grows by one with each committed change of this unit, starting at 1
 */
public record UnitData(String code, String name, String parentCode, long version) {
}
