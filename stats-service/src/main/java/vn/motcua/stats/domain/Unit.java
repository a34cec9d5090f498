package vn.motcua.stats.domain;

/** A unit of the catalogue (đơn vị); {@code parentCode} is null at the top. */
public record Unit(String code, String name, String parentCode) {
}
