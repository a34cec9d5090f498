package vn.motcua.intake.api;

import vn.motcua.events.Decision;
import vn.motcua.events.ResultDelivery;
import vn.motcua.intake.app.CitizenLookup;
import vn.motcua.intake.domain.DossierStatus;

import java.time.Duration;
import java.util.Locale;

/**
 * The citizens' status page as its template shows it: the lookup form (with what was typed), then at most one of
 * where a dossier stands, "not found", or "try again later". Texts in Vietnamese, dates dd/MM/yyyy; never the
 * dossier code nor anything about the applicant, which {@link CitizenLookup.Found} does not hold.
 */
record StatusPage(String typed, Standing standing, boolean notFound, Long retryAfterSeconds) {

    /** What was typed is shown again in the form, cut here: the field is for an eight-symbol code. */
    private static final int MAX_ECHO = 64;

    /**
     * One dossier, ready to print. {@code tone} names the status's colour in the page's CSS; {@code apologised}: an
     * apology (form 04) gave a new appointment while the dossier is still open.
     */
    record Standing(String lookupCode, String procedure, String unit, String received, String due,
                    boolean dueProvisional, String status, String tone, boolean paused, String supplementAsked,
                    boolean overdue, boolean apologised, String apologyReason, String newAppointment,
                    String resolved, String decision, String delivery, String withdrawn) {
    }

    static StatusPage form() {
        return new StatusPage("", null, false, null);
    }

    static StatusPage notFound(String typed) {
        return new StatusPage(echo(typed), null, true, null);
    }

    static StatusPage tryLater(String typed, Duration retryAfter) {
        return new StatusPage(echo(typed), null, false, retryAfter.toSeconds());
    }

    static StatusPage found(CitizenLookup.Found d) {
        boolean open = d.status() == DossierStatus.RECEIVED || d.status() == DossierStatus.SUPPLEMENT_REQUESTED;
        boolean resolved = d.status() == DossierStatus.RESOLVED;
        return new StatusPage(d.lookupCode(), new Standing(d.lookupCode(), d.procedureName(), d.unitName(),
                DisplayDates.day(d.receivedAt()), DisplayDates.day(d.dueDate()), d.dueDateProvisional(),
                status(d.status()), d.status().name().toLowerCase(Locale.ROOT), d.paused(), d.supplementAsked(), d.overdue(),
                open && d.newAppointmentAt() != null, d.apologyReason(), DisplayDates.day(d.newAppointmentAt()),
                DisplayDates.day(d.resolvedAt()), resolved ? decision(d.decision()) : null,
                resolved ? delivery(d.resultDelivery()) : null, DisplayDates.day(d.withdrawnAt())), false, null);
    }

    /** There is no separate "in progress" state: RECEIVED lasts from intake to the result (docs/architecture.md). */
    private static String status(DossierStatus status) {
        return switch (status) {
            case RECEIVED -> "Đã tiếp nhận";
            case SUPPLEMENT_REQUESTED -> "Chờ bổ sung hồ sơ";
            case RESOLVED -> "Đã có kết quả";
            case WITHDRAWN -> "Đã rút hồ sơ";
        };
    }

    private static String decision(Decision decision) {
        if (decision == null) {
            return null;
        }
        return switch (decision) {
            case APPROVED -> "Hồ sơ đã được giải quyết.";
            case REFUSED -> "Hồ sơ không được giải quyết; văn bản trả lời nêu rõ lý do.";
        };
    }

    private static String delivery(ResultDelivery delivery) {
        if (delivery == null) {
            return "Liên hệ Bộ phận Một cửa nơi nộp hồ sơ để nhận kết quả.";
        }
        return switch (delivery) {
            case ELECTRONIC -> "Bản điện tử, gửi qua Cổng dịch vụ công hoặc thư điện tử.";
            case PAPER -> "Bản giấy, nhận tại Bộ phận Một cửa nơi nộp hồ sơ.";
            case POSTAL -> "Gửi qua dịch vụ bưu chính công ích.";
        };
    }

    private static String echo(String typed) {
        return typed.length() > MAX_ECHO ? typed.substring(0, MAX_ECHO) : typed;
    }
}
