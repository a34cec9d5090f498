package vn.motcua.intake.app;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import vn.motcua.api.ProblemException;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.store.ApplicantErasure;
import vn.motcua.intake.store.Dossier;
import vn.motcua.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Erases applicants' personal data (Law 91/2025/QH15): on schedule, from every dossier closed (resolved or
 * withdrawn) before the start of the day {@code motcua.intake.personal-data.retention} ago in Vietnam; and one
 * dossier at an admin's request, on the citizen's. What goes and what stays: {@link ApplicantErasure}. Nothing is
 * published: no event ever carried the applicant, and the counts need nothing that goes.
 * <p>
 * Each batch is a transaction that locks its rows and skips rows another run holds, so however many instances run
 * the job, each dossier is erased, and recorded, once.
 */
@Singleton
public class PersonalDataErasure {

    private static final Logger LOG = Logger.getLogger(PersonalDataErasure.class);
    /** Who the records name for the scheduled erasure. */
    public static final String RECORDED_BY = "intake-service";

    private final IntakeConfig.PersonalData settings;
    private final Scheduler scheduler;
    private final Recorders recorders;
    private final Clock clock;
    private volatile long lastBeatNanos = System.nanoTime();

    PersonalDataErasure(IntakeConfig config, Scheduler scheduler, Recorders recorders, Clock clock) {
        this.settings = config.personalData();
        this.scheduler = scheduler;
        this.recorders = recorders;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        // Scheduled in code so that the interval is the typed motcua.intake.personal-data.every.
        scheduler.newJob("personal-data-erasure")
                .setInterval(settings.every().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> eraseDueQuietly())
                .schedule();
    }

    void eraseDueQuietly() {
        try {
            int erased = eraseDue(clock.instant());
            if (erased > 0) {
                LOG.infof("erased the applicant data of %d dossiers past their retention", erased);
            }
        } catch (RuntimeException e) {
            // The class only: a database's message is not for the log (docs/operations.md, "Personal data in intake").
            LOG.warnf("erasing personal data past its retention failed (%s); it runs again on schedule",
                    e.getClass().getName());
        } finally {
            beat();
        }
    }

    /** Erases every dossier whose retention has run out at {@code now}; answers how many. */
    public int eraseDue(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, VietnamTime.ZONE);
        Instant closedBefore = today.minus(settings.retention()).atStartOfDay(VietnamTime.ZONE).toInstant();
        int erased = 0;
        int inBatch;
        do {
            inBatch = QuarkusTransaction.requiringNew().call(() -> {
                List<String> codes = Dossier.lockErasable(closedBefore, settings.batchSize());
                Instant at = clock.instant();
                for (String code : codes) {
                    ApplicantErasure.erase(Dossier.findById(code), ApplicantErasure.Reason.RETENTION, RECORDED_BY,
                            null, null, at);
                }
                return codes.size();
            });
            erased += inBatch;
            beat();
        } while (inBatch == settings.batchSize());
        return erased;
    }

    /**
     * An admin erases one dossier's applicant data on the citizen's request, whatever its state. Asked again, it
     * answers the first erasure's record: nothing is erased or recorded twice.
     */
    public ApplicantErasure eraseOnRequest(String code, Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an admin may erase an applicant's data.");
        }
        Recorder by = recorders.of(caller);
        return QuarkusTransaction.requiringNew().call(() -> {
            Dossier dossier = Dossier.<Dossier>findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("Dossier " + code));
            ApplicantErasure done = ApplicantErasure.findById(code);
            if (done != null) {
                return done;
            }
            return ApplicantErasure.erase(dossier, ApplicantErasure.Reason.REQUEST, by.name(), by.subject(),
                    by.client(), clock.instant());
        });
    }

    private void beat() {
        lastBeatNanos = System.nanoTime();
    }

    public Duration sinceLastRun() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - lastBeatNanos));
    }

    public Duration stallAfter() {
        return settings.stallAfter();
    }
}
