package vn.motcua.stats.domain;

import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.Channel;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ResultDelivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A dossier's facts as the projection knows them, derived from its observations (in sequence order, whatever
 * order they arrived in) and its clock.
 *
 * @param timeline the deadline picture after each step: from when, the dueAt then, and whether the clock was stopped
 * @param closedAt when it was resolved or withdrawn (the first of them), null while open
 * @param procedure           the procedure code of the latest event that names one; null if none does
 * @param resultDelivery      how the result reached the applicant (on the resolution), null if not said
 * @param handlingWorkingDays the resolution's working days from receipt, clock stops excluded, null if not given
 * @param clock    the latest instant the projection has evaluated this dossier at: the latest time any of its
 *                 events or alerts carried, or a sweep's now. Time-dependent columns are evaluated up to it.
 * @param unit          the unit that handles it now (of the latest event)
 * @param transfers     its moves to another unit, in sequence order ({@link #unitAt})
 * @param receivingUnit the unit whose counter received it: the latest {@code receivedAtUnit} an event carried, else
 *                      the unit that handled it at receipt
 */
public record DossierFacts(
        String code,
        String unit,
        String procedure,
        Channel channel,
        Integer onlineLevel,
        Instant receivedAt,
        List<DeadlineState> timeline,
        Instant closedAt,
        boolean withdrawn,
        Timeliness timeliness,
        ResultDelivery resultDelivery,
        Integer handlingWorkingDays,
        Instant clock,
        List<Transfer> transfers,
        String receivingUnit) {

    public record DeadlineState(Instant from, Instant dueAt, boolean paused) {
    }

    /** From {@code at} the dossier is handled by {@code to} instead of {@code from}. */
    public record Transfer(Instant at, String from, String to) {
    }

    public static DossierFacts derive(String code, List<Observation> observations, Instant tickedClock) {
        if (observations.isEmpty()) {
            return new DossierFacts(code, null, null, null, null, null, List.of(), null, false, null, null, null,
                    tickedClock, List.of(), null);
        }
        List<Observation> inOrder = new ArrayList<>(observations);
        inOrder.sort(Comparator.comparingLong(Observation::sequence));
        Observation latest = inOrder.get(inOrder.size() - 1);
        List<DeadlineState> timeline = new ArrayList<>();
        boolean paused = false;
        Observation closing = null;
        Instant clock = tickedClock;
        String procedure = null;
        String receivedAtUnit = null;
        List<Transfer> transfers = new ArrayList<>();
        for (Observation o : inOrder) {
            procedure = o.procedure() != null ? o.procedure() : procedure;
            receivedAtUnit = o.receivedAtUnit() != null ? o.receivedAtUnit() : receivedAtUnit;
            if (o.isTransfer()) {
                // Only the handling unit changes: the deadline picture goes on as it was (the same dueAt, a stopped
                // clock stays stopped); the event's time still advances the clock below.
                transfers.add(new Transfer(o.transferredAt(), o.previousUnit(), o.unit()));
                DeadlineState before = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
                timeline.add(before == null ? new DeadlineState(o.at(), o.dueAt(), paused)
                        : new DeadlineState(o.at(), before.dueAt(), before.paused()));
                clock = later(later(clock, o.at()), o.receivedAt());
                continue;
            }
            if (o.type().equals(EventTypes.SUPPLEMENT_REQUESTED)) {
                // A request made after dueAt does not stop the clock: the dossier stays overdue.
                paused = o.dueAt() == null || !o.at().isAfter(o.dueAt());
            } else if (o.type().equals(EventTypes.SUPPLEMENT_RECEIVED)) {
                paused = false;
            }
            if (o.type().equals(EventTypes.DUE_DATE_CHANGED) && closing == null) {
                corrected(timeline, o.dueAt());
            }
            timeline.add(new DeadlineState(o.at(), o.dueAt(), paused));
            if (closing == null && (o.type().equals(EventTypes.RESOLVED) || o.type().equals(EventTypes.WITHDRAWN))) {
                closing = o;
            }
            clock = later(later(clock, o.at()), o.receivedAt());
        }
        boolean withdrawn = closing != null && closing.type().equals(EventTypes.WITHDRAWN);
        boolean resolved = closing != null && !withdrawn;
        List<Transfer> moves = List.copyOf(transfers);
        String receivingUnit = receivedAtUnit != null ? receivedAtUnit
                : unitAt(latest.unit(), moves, latest.receivedAt());
        return new DossierFacts(code, latest.unit(), procedure, latest.channel(), latest.onlineLevel(),
                latest.receivedAt(), List.copyOf(timeline), closing == null ? null : closing.at(), withdrawn,
                resolved ? timelinessOf(closing) : null, resolved ? closing.resultDelivery() : null,
                resolved ? closing.handlingWorkingDays() : null, clock, moves, receivingUnit);
    }

    /**
     * The unit that handled it at {@code t}: the one it left by the first transfer after t, or the unit of its latest
     * event when none followed t (with no transfers, always that unit, as before dossiers moved).
     */
    public String unitAt(Instant t) {
        return unitAt(unit, transfers, t);
    }

    private static String unitAt(String latest, List<Transfer> transfers, Instant t) {
        for (Transfer transfer : transfers) {
            if (transfer.at().isAfter(t)) {
                return transfer.from();
            }
        }
        return latest;
    }

    /**
     * A due-date-changed corrects the due instant, it does not start a new one: the date was counted on a rule that
     * an official schedule replaced, so the dossier is judged against the new instant also for the time before the
     * change was published (a closed period's pending figure included). The steps since the replaced instant was
     * set (the latest steps carrying it; not those before a supplement's restart, which had another) take the new
     * one, each keeping whether its clock was stopped. A change after the dossier closed changes nothing: closed
     * stays closed, judged by its resolution's own verdict.
     */
    private static void corrected(List<DeadlineState> timeline, Instant newDueAt) {
        if (timeline.isEmpty() || newDueAt == null) {
            return;
        }
        Instant replaced = timeline.get(timeline.size() - 1).dueAt();
        for (int i = timeline.size() - 1; i >= 0 && Objects.equals(timeline.get(i).dueAt(), replaced); i--) {
            DeadlineState s = timeline.get(i);
            timeline.set(i, new DeadlineState(s.from(), newDueAt, s.paused()));
        }
    }

    /**
     * The producer's verdict; computed only when an event lacks it, by the rule of docs/time-and-counting.md
     * (timeliness): early before the due date, on time up to dueAt, late after it.
     */
    private static Timeliness timelinessOf(Observation resolved) {
        if (resolved.timeliness() != null) {
            return resolved.timeliness();
        }
        if (resolved.dueAt() == null || !resolved.at().isAfter(resolved.dueAt())) {
            boolean beforeDueDate = resolved.dueAt() != null && resolved.at().atZone(VietnamTime.ZONE).toLocalDate()
                    .isBefore(resolved.dueAt().atZone(VietnamTime.ZONE).toLocalDate());
            return beforeDueDate ? Timeliness.EARLY : Timeliness.ON_TIME;
        }
        return Timeliness.LATE;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** The procedure of its totals: {@link TotalsKey#NO_PROCEDURE} when no stored event named one. */
    public String procedureOrUnknown() {
        return procedure == null ? TotalsKey.NO_PROCEDURE : procedure;
    }

    public boolean isKnown() {
        return receivedAt != null;
    }

    public boolean isOpen() {
        return isKnown() && closedAt == null;
    }

    /** The deadline picture at t: after the last step that happened by t (the first step's, before any). */
    public DeadlineState stateAt(Instant t) {
        DeadlineState state = timeline.get(0);
        for (DeadlineState s : timeline) {
            if (!s.from().isAfter(t)) {
                state = s;
            }
        }
        return state;
    }

    /**
     * When this dossier's counters could next change without an event: the first instant after dueAt (pending
     * turns overdue) or the start of the next quarter of either convention (it is carried into the new periods).
     * Null once closed.
     */
    public Instant nextTickAt() {
        if (!isOpen()) {
            return null;
        }
        Instant next = Period.nextQuarterStart(clock);
        DeadlineState now = timeline.get(timeline.size() - 1);
        if (!now.paused() && now.dueAt() != null && !now.dueAt().isBefore(clock)) {
            Instant flip = now.dueAt().plusMillis(1);
            next = flip.isBefore(next) ? flip : next;
        }
        return next;
    }
}
