package vn.motcua.stats.domain;

/** A unit of the catalogue (đơn vị), as its last {@code unit.changed} said; {@code parentCode} is null for a root. */
public record Unit(String code, String name, String parentCode) {
}
