package vn.motcua.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.motcua.events.EventCodec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a request as the service understood it, so a retry is told apart from a different request. */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(Submission submission) {
        try {
            byte[] canonical = EventCodec.mapper().writeValueAsBytes(submission);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
