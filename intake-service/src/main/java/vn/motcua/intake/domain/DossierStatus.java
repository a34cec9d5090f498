package vn.motcua.intake.domain;

/** Where a dossier stands. RECEIVED covers "in progress": the clock runs from intake to result. */
public enum DossierStatus {
    RECEIVED,
    /** Phiếu yêu cầu bổ sung (form 02): waiting for the citizen; the clock stops unless already overdue. */
    SUPPLEMENT_REQUESTED,
    RESOLVED,
    WITHDRAWN
}
