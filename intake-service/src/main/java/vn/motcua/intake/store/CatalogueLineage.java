package vn.motcua.intake.store;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.security.UnitLineage;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit and the units above it, from the catalogue in memory ({@link Catalogue}): a clerk of {@code SADEC} acts for
 * its wards. An unknown unit is just itself; a unit already seen ends the walk, so a cycle could not loop.
 */
@ApplicationScoped
public class CatalogueLineage implements UnitLineage {

    private final Catalogue catalogue;

    CatalogueLineage(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<String> selfAndAncestors(String unit) {
        List<String> lineage = new ArrayList<>();
        String code = unit;
        while (code != null && !lineage.contains(code)) {
            lineage.add(code);
            code = catalogue.unit(code).map(found -> found.parentCode).orElse(null);
        }
        return lineage;
    }
}
