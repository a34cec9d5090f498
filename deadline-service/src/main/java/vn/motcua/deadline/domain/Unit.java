package vn.motcua.deadline.domain;

/**
 * An administrative unit (đơn vị) and the unit it belongs to, null for a root (a province). intake-service owns the
 * catalogue; this service knows the units it has read from the catalogue topic.
 */
public record Unit(String code, String parentCode) {
}
