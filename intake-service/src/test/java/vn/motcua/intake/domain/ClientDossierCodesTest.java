package vn.motcua.intake.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientDossierCodesTest {

    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource({
            "SADEC-P1.K7-0042, SADEC-P1, true",
            "SADEC-P1.220105-00042, SADEC-P1, true",
            "SADEC-P1.a_b.c, SADEC-P1, true",
            "SADEC-P1-220105-000123, SADEC-P1, false",   // intake's own form
            "SADEC-P1-220105-000123, SADEC, false",      // intake's code of SADEC-P1, in the parent's name
            "SADEC-P1.K7, SADEC, false",                 // another unit's namespace
            "SADEC.K7, SADEC-P1, false",
            "SADEC-P1., SADEC-P1, false",
            "SADEC-P1.-x, SADEC-P1, false",
            "SADEC-P1.x y, SADEC-P1, false"
    })
    void aClientCodeIsTheUnitADotAndItsOwnPart(String code, String unit, boolean accepted) {
        assertThat(ClientDossierCodes.isOfUnit(code, unit)).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "length {0}: {1}")
    @CsvSource({"64, true", "65, false"})
    void atMost64Characters(int length, boolean accepted) {
        String code = "SADEC-P1." + "x".repeat(length - "SADEC-P1.".length());
        assertThat(ClientDossierCodes.isOfUnit(code, "SADEC-P1")).isEqualTo(accepted);
    }
}
