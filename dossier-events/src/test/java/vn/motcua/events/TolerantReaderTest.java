package vn.motcua.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reader must survive what newer producers and broken ones send. */
class TolerantReaderTest {

    @Test
    void unknownFieldsAndEnumValuesAreIgnored() {
        CloudEvent event = EventCodec.read(bytes("""
                {"specversion":"1.0","id":"00000000-0000-4000-8000-000000000001","source":"/x",
                 "type":"dossier.received","time":"2022-01-05T08:30:00+07:00","subject":"D1","future":"field",
                 "data":{"dossierCode":"D1","unitCode":"SADEC","receivedAt":"2022-01-05T08:30:00+07:00",
                         "channel":"CARRIER_PIGEON","sequence":1,"colour":"blue"}}"""));

        DossierData data = EventCodec.dossierData(event);
        assertThat(data.dossierCode()).isEqualTo("D1");
        assertThat(data.channel()).isNull();
    }

    @Test
    void aCalendarWrittenBeforeScheduleEnteredAndLocalDaysOffReadsAsEnteredWithNone() {
        CloudEvent event = EventCodec.read(bytes("""
                {"specversion":"1.0","id":"00000000-0000-4000-8000-000000000003","source":"/x",
                 "type":"calendar.changed","time":"2022-01-03T08:00:00+07:00","subject":"calendar:2022",
                 "data":{"year":2022,"closedDays":[{"date":"2022-01-03","name":"Tết"}],"workingSaturdays":[],
                         "version":1}}"""));

        CalendarData data = EventCodec.calendarData(event);
        assertThat(data.entered()).isTrue();
        assertThat(data.localDaysOffOrNone()).isEmpty();
    }

    @Test
    void unknownTypesAreReadAndRecognisedAsForeign() {
        CloudEvent event = EventCodec.read(bytes("""
                {"specversion":"1.0","id":"00000000-0000-4000-8000-000000000002","source":"/x",
                 "type":"dossier.archived","time":"2022-01-05T08:30:00+07:00","data":{"anything":[1,2]}}"""));

        assertThat(event.type()).isEqualTo("dossier.archived");
        assertThat(event.isDossierEvent()).isFalse();
        assertThat(event.isAlert()).isFalse();
    }

    @Test
    void garbageIsMalformed() {
        assertThatThrownBy(() -> EventCodec.read(new byte[]{(byte) 0xff, 0x00, 0x13}))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.read(null)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.read(bytes("null"))).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void missingRequiredAttributesAreNamed() {
        assertThatThrownBy(() -> EventCodec.read(bytes("""
                {"specversion":"1.0","id":"00000000-0000-4000-8000-000000000003","source":"/x",
                 "time":"2022-01-05T08:30:00+07:00"}""")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("type");
        CloudEvent noCode = EventCodec.read(bytes("""
                {"specversion":"1.0","id":"00000000-0000-4000-8000-000000000004","source":"/x",
                 "type":"dossier.received","time":"2022-01-05T08:30:00+07:00","data":{"unitCode":"SADEC"}}"""));
        assertThatThrownBy(() -> EventCodec.dossierData(noCode))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("data.dossierCode");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
