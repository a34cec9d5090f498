package vn.motcua.intake.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The HTML pages intake renders on the server (Qute, HTML-escaped by default; checked against their data when the
 * service is built): {@code src/main/resources/templates/<method>.html}.
 */
@CheckedTemplate
final class Pages {

    private Pages() {
    }

    /** The citizens' status page, {@code /tra-cuu}. */
    static native TemplateInstance statusPage(StatusPage page);

    /** The appointment slip (form 01), {@code /api/dossiers/{code}/slip}. */
    static native TemplateInstance slip(Slip slip);
}
