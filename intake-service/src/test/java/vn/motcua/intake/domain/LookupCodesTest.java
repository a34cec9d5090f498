package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LookupCodesTest {

    @Test
    void forgivesCaseSpacesAndDashes() {
        assertThat(LookupCodes.normalised("ABCD2345")).contains("ABCD2345");
        assertThat(LookupCodes.normalised(" abcd-2345 ")).contains("ABCD2345");
        assertThat(LookupCodes.normalised("ab cd 23 45")).contains("ABCD2345");
        assertThat(LookupCodes.normalised("abcd\t2345")).contains("ABCD2345");
    }

    @Test
    void refusesWhatCannotBeALookupCode() {
        assertThat(LookupCodes.normalised(null)).isEmpty();
        assertThat(LookupCodes.normalised("")).isEmpty();
        assertThat(LookupCodes.normalised("ABCD234")).as("seven symbols").isEmpty();
        assertThat(LookupCodes.normalised("ABCD23456")).as("nine symbols").isEmpty();
        assertThat(LookupCodes.normalised("ABCD2340")).as("0 is not in the alphabet").isEmpty();
        assertThat(LookupCodes.normalised("OBCD2345")).as("O is not in the alphabet").isEmpty();
        assertThat(LookupCodes.normalised("ABCD234I")).isEmpty();
        assertThat(LookupCodes.normalised("ABCD234L")).isEmpty();
        assertThat(LookupCodes.normalised("ABCD_2345")).isEmpty();
        assertThat(LookupCodes.normalised("ÀBCD2345")).isEmpty();
        assertThat(LookupCodes.normalised("-".repeat(57) + "ABCD2345")).as("over 64 characters typed").isEmpty();
    }

    @Test
    void everySymbolOfTheAlphabetIsAccepted() {
        for (char symbol : LookupCodes.ALPHABET.toCharArray()) {
            String code = String.valueOf(symbol).repeat(LookupCodes.LENGTH);
            assertThat(LookupCodes.normalised(code)).contains(code);
        }
    }
}
