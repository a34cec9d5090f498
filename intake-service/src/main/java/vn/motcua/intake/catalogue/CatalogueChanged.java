package vn.motcua.intake.catalogue;

/** Fired in the transaction that changed a procedure or a unit; the catalogue forgets it once that commits. */
public record CatalogueChanged(Kind kind, String code) {

    public enum Kind { PROCEDURE, UNIT }
}
