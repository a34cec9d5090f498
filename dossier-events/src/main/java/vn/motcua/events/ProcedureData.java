package vn.motcua.events;

import java.time.LocalTime;
import java.util.List;

/**
 * The {@code data} of {@code procedure.changed}: the procedure's whole new state (thủ tục hành chính).
 *
 * @param field          its field (lĩnh vực), as form 06 groups procedures
 * @param processingTime the legal processing time
 * @param cutoff         the local time after which a dossier counts from the next working day; null = office close
 * @param onlineLevels   the online levels (3, 4) at which it may be submitted
 * @param version        grows by one with each committed change of this procedure, starting at 1
 */
public record ProcedureData(String code, String name, String field, ProcessingTime processingTime, LocalTime cutoff,
                            List<Integer> onlineLevels, long version) {

    /** {@code unit}: WORKING_DAYS, WORKING_HOURS or CALENDAR_DAYS (readers keep an unknown unit as text, not as an error). */
    public record ProcessingTime(int amount, String unit) {
    }
}
