package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalTextTest {

    @Test
    void textIsKeptInNfcWithoutSurroundingSpace() {
        String nfd = Normalizer.normalize("Trần Thị Bích", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Trần Thị Bích");
        assertThat(PersonalText.normalised(" " + nfd + "\t")).isEqualTo("Trần Thị Bích");
        assertThat(PersonalText.normalised(null)).isNull();
    }

    @Test
    void controlCharactersAreFoundButANoteKeepsItsLineBreaks() {
        assertThat(PersonalText.hasControl("An\u0000")).isTrue();
        assertThat(PersonalText.hasControl("An\u007f")).isTrue();
        assertThat(PersonalText.hasControl("An\u2028")).isTrue();
        assertThat(PersonalText.hasControl("An\nBình")).isTrue();
        assertThat(PersonalText.hasControl("Nguyễn Văn An")).isFalse();
        assertThat(PersonalText.hasControlInNote("Thiếu:\r\n\t- giấy khai sinh")).isFalse();
        assertThat(PersonalText.hasControlInNote("Thiếu\u0007")).isTrue();
    }
}
