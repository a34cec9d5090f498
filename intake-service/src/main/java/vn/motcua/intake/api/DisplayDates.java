package vn.motcua.intake.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Dates and times as the citizens' pages and the slip print them, the Vietnamese way: 14/01/2022, 09 giờ 30 phút. */
final class DisplayDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("'ngày' dd 'tháng' MM 'năm' yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút'");

    private DisplayDates() {
    }

    static String day(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }

    /** The local date of a time at the one-stop shop (the API's times carry +07:00). */
    static String day(OffsetDateTime time) {
        return time == null ? null : DAY.format(time);
    }

    /** As a form's place-and-date line writes it: ngày 05 tháng 01 năm 2022. */
    static String longDay(OffsetDateTime time) {
        return time == null ? null : LONG_DAY.format(time);
    }

    static String time(OffsetDateTime time) {
        return time == null ? null : TIME.format(time);
    }
}
