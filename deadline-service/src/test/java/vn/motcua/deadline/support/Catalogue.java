package vn.motcua.deadline.support;

import java.util.Map;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.UnitData;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import static vn.motcua.calendar.VietnamTime.ZONE;

/**
 * Units on the catalogue topic as intake-service publishes them ({@code unit.changed}, keyed {@code unit:<code>}):
 * the only way this service learns its tree.
 */
public final class Catalogue {

    private static final URI INTAKE = URI.create("/motcua/intake-service");

    /** Sa Đéc as intake-service's catalogue has it: the city and its wards and communes. */
    public static final List<UnitData> SA_DEC = List.of(unit("SADEC", null),
            unit("SADEC-P1", "SADEC"), unit("SADEC-P2", "SADEC"), unit("SADEC-P3", "SADEC"),
            unit("SADEC-P4", "SADEC"), unit("SADEC-AH", "SADEC"), unit("SADEC-TQD", "SADEC"),
            unit("SADEC-TKD", "SADEC"), unit("SADEC-TQT", "SADEC"), unit("SADEC-TPD", "SADEC"));

    private Catalogue() {
    }

    /** Version 1 of a unit: its first state. */
    public static UnitData unit(String code, String parentCode) {
        return unit(code, parentCode, 1);
    }

    public static UnitData unit(String code, String parentCode, long version) {
        return new UnitData(code, "UBND " + code, parentCode, version);
    }

    public static CloudEvent changed(UnitData unit) {
        return EventCodec.unitChanged(INTAKE, OffsetDateTime.now(ZONE), unit);
    }

    /** In this order, each acknowledged by the broker. */
    public static void publishUnits(Topic topic, String catalogue, List<UnitData> units) {
        topic.sendAll(catalogue, units.stream().map(Catalogue::changed).toList());
    }

    /** With a producer of its own, e.g. before the application starts. */
    public static void publishUnits(Map<String, Object> kafkaAdmin, String catalogue, List<UnitData> units) {
        try (Topic topic = new Topic(kafkaAdmin)) {
            publishUnits(topic, catalogue, units);
        }
    }
}
