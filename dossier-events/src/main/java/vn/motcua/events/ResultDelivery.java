package vn.motcua.events;

/** How a resolved dossier's result reached the applicant (Decision 766's electronic-result indicator counts these). */
public enum ResultDelivery {
    /** Sent electronically: the portal, e-mail, an electronic copy with legal value. */
    ELECTRONIC,
    /** Handed over on paper at the counter. */
    PAPER,
    /** Sent by the postal service (dịch vụ bưu chính công ích). */
    POSTAL
}
