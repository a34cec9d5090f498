package vn.motcua.intake.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.motcua.intake.time.ClockProducer;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Dossier codes ({unit}-{yyMMdd}-{number}) and the short lookup code printed on the appointment slip. */
@ApplicationScoped
public class DossierCodes {

    /** No 0/O, 1/I/L: a citizen reads the code off paper. */
    private static final char[] LOOKUP_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ClockProducer.VIETNAM);
    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager entityManager;

    /** A database sequence, not a per-day counter row: kiosks never wait on each other for a number. */
    public String newCode(String unitCode, Instant receivedAt) {
        long number = ((Number) entityManager.createNativeQuery("SELECT nextval('dossier_number')").getSingleResult())
                .longValue();
        return "%s-%s-%06d".formatted(unitCode, DAY.format(receivedAt), number);
    }

    public String newLookupCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = LOOKUP_ALPHABET[random.nextInt(LOOKUP_ALPHABET.length)];
        }
        return new String(code);
    }
}
