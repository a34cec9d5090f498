package vn.motcua.deadline.domain;

import org.junit.jupiter.api.Test;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** An alert's id follows from what the alert is about, so a repeat after a crash can be recognised. */
class AlertIdTest {

    static final String DOSSIER = "000.00.19.H23-220105-0001";
    static final Instant DUE_AT = OffsetDateTime.parse("2022-01-14T17:00:00+07:00").toInstant();

    @Test
    void theSameAlertHasTheSameId() {
        assertThat(AlertEvents.alertId(DOSSIER, EventTypes.OVERDUE, DUE_AT))
                .isEqualTo(AlertEvents.alertId(DOSSIER, EventTypes.OVERDUE, Instant.parse("2022-01-14T10:00:00Z")));
    }

    @Test
    void anotherDossierTypeOrDueInstantHasAnotherId() {
        var id = AlertEvents.alertId(DOSSIER, EventTypes.OVERDUE, DUE_AT);
        assertThat(AlertEvents.alertId(DOSSIER, EventTypes.DUE_SOON, DUE_AT)).isNotEqualTo(id);
        assertThat(AlertEvents.alertId(DOSSIER, EventTypes.OVERDUE, DUE_AT.plusSeconds(1))).isNotEqualTo(id);
        assertThat(AlertEvents.alertId(DOSSIER + "2", EventTypes.OVERDUE, DUE_AT)).isNotEqualTo(id);
    }

    @Test
    void theEventCarriesItWhenEverItIsBuilt() {
        TrackedDeadline deadline = deadline(DossierEvent.of(DOSSIER, "SADEC",
                OffsetDateTime.parse("2022-01-05T08:30:00+07:00").toInstant()).received(1, DUE_AT));
        PlannedAlert overdue = new PlannedAlert(EventTypes.OVERDUE, DUE_AT.plusNanos(1000), DUE_AT);
        CloudEvent first = AlertEvents.toEvent(deadline, overdue, DUE_AT.plusSeconds(5));
        CloudEvent again = AlertEvents.toEvent(deadline, overdue, DUE_AT.plusSeconds(3600));

        assertThat(first.id()).isEqualTo(AlertEvents.alertId(DOSSIER, EventTypes.OVERDUE, DUE_AT))
                .isEqualTo(again.id());
        assertThat(EventCodec.read(EventCodec.write(first)).id()).isEqualTo(first.id());
    }

    private static TrackedDeadline deadline(CloudEvent event) {
        return TrackedDeadline.first(event.type(), EventCodec.dossierData(event), event.time(), 0);
    }
}
