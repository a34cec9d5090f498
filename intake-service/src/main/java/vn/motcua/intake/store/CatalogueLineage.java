package vn.motcua.intake.store;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.security.UnitLineage;

import java.util.List;

/**
 * A unit and the units above it, from the catalogue's tree in memory ({@link Catalogue#unitTree}): a clerk of
 * {@code SADEC} acts for its wards. The walk is the suite's one {@code UnitTree}: an unknown unit is just itself, and
 * a cycle cannot loop.
 */
@ApplicationScoped
public class CatalogueLineage implements UnitLineage {

    private final Catalogue catalogue;

    CatalogueLineage(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<String> selfAndAncestors(String unit) {
        return catalogue.unitTree().lineage(unit);
    }
}
