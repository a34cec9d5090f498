package vn.motcua.calendar;

/** A schedule file (or schedule data) that cannot be read; the message names the source, the line and the fault. */
public class ScheduleFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ScheduleFormatException(String message) {
        super(message);
    }

    public ScheduleFormatException(String source, int line, String message) {
        super(source + " line " + line + ": " + message);
    }
}
