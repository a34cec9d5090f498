package vn.motcua.intake.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The forms of the applicant's fields and of clerks' free text. Text is stored in NFC, so one name typed on two
 * keyboards (precomposed "ễ" or "e" + two combining marks) is one name, and compared, searched and fingerprinted
 * alike. Control characters are refused: they have no place in a name and break what prints or exports it.
 */
public final class PersonalText {

    /** Căn cước công dân (12 digits) or the older chứng minh nhân dân (9 digits). */
    public static final String ID_NUMBER_FORM = "must be 12 digits (CCCD) or 9 digits (CMND)";
    /** A Vietnamese number: 0 and 9-10 digits, or +84 and the same without the 0. */
    public static final String PHONE_FORM = "must be 0 followed by 9-10 digits, or +84 followed by 9-10 digits";

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{12}|\\d{9}");
    private static final Pattern PHONE = Pattern.compile("(0|\\+84)\\d{9,10}");

    private PersonalText() {
    }

    /** NFC, without surrounding white space; null stays null. */
    public static String normalised(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /** Whether a one-line field holds a control character (C0, DEL, C1) or a line or paragraph separator. */
    public static boolean hasControl(String text) {
        return text != null && text.codePoints().anyMatch(PersonalText::isControl);
    }

    /** As {@link #hasControl}, but a note of several lines may keep its line breaks and tabs. */
    public static boolean hasControlInNote(String text) {
        return text != null && text.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && isControl(c));
    }

    public static boolean isIdNumber(String text) {
        return text != null && ID_NUMBER.matcher(text).matches();
    }

    public static boolean isPhone(String text) {
        return text != null && PHONE.matcher(text).matches();
    }

    private static boolean isControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
