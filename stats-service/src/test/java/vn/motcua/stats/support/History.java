package vn.motcua.stats.support;

import vn.motcua.calendar.Timeliness;
import vn.motcua.events.Channel;

import java.time.Instant;
import java.util.List;

/**
 * A generated dossier's life, as the one-stop shop lived it: the truth the tests recount from.
 *
 * @param steps  in time order: received first, then supplements, apologies and at most one resolution or withdrawal
 * @param alerts instants deadline-service raised an alert for it
 */
public record History(String code, String unit, Channel channel, Integer onlineLevel, Instant receivedAt,
                      List<Step> steps, List<Instant> alerts) {

    /** @param dueAt the deadline in force after this step */
    public record Step(String type, Instant at, Instant dueAt, Timeliness timeliness) {
    }
}
