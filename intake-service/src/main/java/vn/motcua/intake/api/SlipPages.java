package vn.motcua.intake.api;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.events.Channel;
import vn.motcua.intake.config.CitizensConfig;
import vn.motcua.intake.store.Catalogue;
import vn.motcua.intake.store.Dossier;
import vn.motcua.intake.store.Procedure;

import java.util.Locale;
import java.util.Optional;

import static vn.motcua.intake.domain.LocalTimes.local;

/** Fills the appointment slip of a dossier: names from the catalogue, the status page link and its QR code. */
@ApplicationScoped
class SlipPages {

    private final Catalogue catalogue;
    private final String statusPageUrl;

    SlipPages(Catalogue catalogue, CitizensConfig config) {
        this.catalogue = catalogue;
        this.statusPageUrl = config.pageUrl();
    }

    /** The slip; the applicant's name and phone only when {@code showsApplicant}. */
    TemplateInstance of(Dossier d, boolean showsApplicantIfKept) {
        // Erased: the lines stay blank, as for a caller who may not see them.
        boolean showsApplicant = showsApplicantIfKept && d.applicantErasedAt == null;
        Optional<Procedure> procedure = catalogue.procedure(d.procedureCode);
        String link = statusPageUrl + "?ma=" + d.lookupCode;
        return Pages.slip(new Slip(unitName(d.receivingUnit()), unitName(d.unitCode), d.code,
                procedure.map(p -> p.name).orElse(d.procedureCode), d.procedureCode, showsApplicant,
                showsApplicant ? d.applicantName : null, showsApplicant ? d.applicantPhone : null,
                channel(d.channel, d.onlineLevel),
                d.processingTime().or(() -> procedure.map(Procedure::processingTime)).map(SlipPages::processingTime)
                        .orElse(null),
                DisplayDates.longDay(local(d.receivedAt)), DisplayDates.time(local(d.receivedAt)),
                DisplayDates.day(local(d.receivedAt)),
                DisplayDates.time(local(d.dueAt)), DisplayDates.day(d.dueDate), d.dueDateProvisional, d.lookupCode,
                link, QrSvg.of(link)));
    }

    private String unitName(String code) {
        return catalogue.unit(code).map(u -> u.name).orElse(code);
    }

    private static String channel(Channel channel, Integer onlineLevel) {
        return switch (channel) {
            case DIRECT -> "Trực tiếp";
            case POSTAL -> "Qua dịch vụ bưu chính công ích";
            case ONLINE -> "Trực tuyến, " + DossierView.onlineLevelName(onlineLevel).toLowerCase(Locale.ROOT);
        };
    }

    private static String processingTime(ProcessingTime time) {
        return switch (time.unit()) {
            case WORKING_DAYS -> time.amount() == 0 ? "Trong ngày làm việc" : time.amount() + " ngày làm việc";
            case WORKING_HOURS -> time.amount() + " giờ làm việc";
            case CALENDAR_DAYS -> time.amount() + " ngày";
        };
    }
}
