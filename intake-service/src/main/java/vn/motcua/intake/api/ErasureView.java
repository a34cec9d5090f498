package vn.motcua.intake.api;

import vn.motcua.intake.store.ApplicantErasure;

import java.time.OffsetDateTime;

import static vn.motcua.intake.domain.LocalTimes.local;

/** The record of an erasure of applicant data: which dossier, when (Vietnam time), why and by whom. */
public record ErasureView(String dossierCode, OffsetDateTime erasedAt, String reason, String erasedBy) {

    static ErasureView of(ApplicantErasure erasure) {
        return new ErasureView(erasure.dossierCode, local(erasure.erasedAt), erasure.reason, erasure.erasedBy);
    }
}
