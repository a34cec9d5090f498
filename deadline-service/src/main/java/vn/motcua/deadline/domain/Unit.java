package vn.motcua.deadline.domain;

/** An administrative unit (đơn vị) and the unit it belongs to; intake-service owns the catalogue. */
public record Unit(String code, String parentCode) {
}
