package vn.motcua.events;

/** Outcome of a resolved dossier; REFUSED is form 03 and still counts as resolved. */
public enum Decision {
    APPROVED,
    REFUSED
}
