package vn.motcua.stats.support;

import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.Channel;
import vn.motcua.events.ResultDelivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A generated dossier's life, as the one-stop shop lived it: the truth the tests recount from.
 *
 * @param steps  in time order: received first, then supplements, apologies and at most one resolution or withdrawal
 * @param alerts instants deadline-service raised an alert for it
 * @param procedure the procedure code its events carry
 */
public record History(String code, String unit, Channel channel, Integer onlineLevel, Instant receivedAt,
                      List<Step> steps, List<Instant> alerts, String procedure) {

    /** Three procedures, two of one field, one not in any catalogue the tests publish. */
    public static final List<String> PROCEDURES = List.of("1.001612", "1.000656", "2.000908");

    /** A history of one of {@link #PROCEDURES}, chosen by its code (so no random draw shifts the generators). */
    public History(String code, String unit, Channel channel, Integer onlineLevel, Instant receivedAt,
                   List<Step> steps, List<Instant> alerts) {
        this(code, unit, channel, onlineLevel, receivedAt, steps, alerts,
                PROCEDURES.get(Math.floorMod(code.hashCode(), PROCEDURES.size())));
    }

    /** How its result was delivered, by its code: electronic, paper, postal, or not said. */
    public ResultDelivery resultDelivery() {
        int pick = Math.floorMod(code.hashCode() / 3, 4);
        return pick == 3 ? null : ResultDelivery.values()[pick];
    }

    /**
     * Its handling time as intake would send it: here simply the weekdays after the day of receipt up to the
     * resolution's day (stats takes the number as given; intake's rule is not what these tests check).
     */
    public Integer handlingWorkingDays(Instant resolvedAt) {
        LocalDate day = receivedAt.atZone(VietnamTime.ZONE).toLocalDate();
        LocalDate last = resolvedAt.atZone(VietnamTime.ZONE).toLocalDate();
        int days = 0;
        for (LocalDate d = day.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            days += d.getDayOfWeek().getValue() <= 5 ? 1 : 0;
        }
        return days;
    }

    /** @param dueAt the deadline in force after this step */
    public record Step(String type, Instant at, Instant dueAt, Timeliness timeliness) {
    }
}
