package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepNotesTest {

    @Test
    void theReasonComesBackWithoutTheRemarkForStaff() {
        String late = StepNotes.supplementRequest("Thiếu ảnh 4x6", false);
        assertThat(late).isEqualTo("Thiếu ảnh 4x6 (after the due time: the clock does not stop)");
        assertThat(StepNotes.reason(late)).isEqualTo("Thiếu ảnh 4x6");

        String apology = StepNotes.apology("Cần xác minh", false, ApologyDeadline.ONE_WORKING_DAY_BEFORE);
        assertThat(apology).isEqualTo("Cần xác minh (sent later than the local rule ONE_WORKING_DAY_BEFORE asks)");
        assertThat(StepNotes.reason(apology)).isEqualTo("Cần xác minh");
    }

    @Test
    void anOrdinaryStepKeepsTheReasonAsGiven() {
        assertThat(StepNotes.supplementRequest("Thiếu giấy tờ (bản sao)", true)).isEqualTo("Thiếu giấy tờ (bản sao)");
        assertThat(StepNotes.apology("Cần xác minh", true, ApologyDeadline.DUE_DATE)).isEqualTo("Cần xác minh");
        assertThat(StepNotes.reason("Thiếu giấy tờ (bản sao)")).isEqualTo("Thiếu giấy tờ (bản sao)");
        assertThat(StepNotes.reason(null)).isNull();
    }
}
