package vn.motcua.deadline.support;

import vn.motcua.testkit.TestKafka;
import vn.motcua.events.UnitData;
import vn.motcua.testkit.InfrastructureResource;

import java.util.List;
import java.util.Map;

import static vn.motcua.deadline.support.Catalogue.unit;

/**
 * The testkit's fresh topics and empty database, with the catalogue topic already holding a province's tree when
 * the application starts: whatever the service knows of units, it can only have read from that topic.
 */
public class PrefilledCatalogue extends InfrastructureResource {

    /** Đồng Tháp → Sa Đéc and Lai Vung → a ward each; children first, and one state twice, as a replay would. */
    public static final List<UnitData> UNITS = List.of(
            unit("SADEC-P1", "SADEC"),
            unit("LAIVUNG-TT", "LAIVUNG"),
            unit("SADEC", "DONGTHAP"),
            unit("LAIVUNG", "DONGTHAP"),
            unit("DONGTHAP", null),
            unit("SADEC-P1", "SADEC"));

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        Catalogue.publishUnits(TestKafka.admin(config.get("kafka.bootstrap.servers")), config.get(CATALOGUE_PROPERTY), UNITS);
        return config;
    }
}
