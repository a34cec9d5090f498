package vn.motcua.intake.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.intake.domain.LookupCodes;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Dossier codes ({unit}-{yyMMdd}-{number}) and the short lookup code printed on the appointment slip. */
@ApplicationScoped
public class DossierCodes {

    private static final char[] LOOKUP_ALPHABET = LookupCodes.ALPHABET.toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(VietnamTime.ZONE);
    /** Numbers one call of {@code nextval} reserves: the sequence's INCREMENT (migration V3). */
    private static final long NUMBERS_PER_BLOCK = 50;

    private final SecureRandom random = new SecureRandom();
    private final AgroalDataSource dataSource;

    private long nextNumber;
    private long blockEnd;

    DossierCodes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A database sequence, not a per-day counter row: kiosks never wait on each other for a number. Each instance
     * takes the numbers in blocks of 50, one round trip a block; a restart leaves a gap, as rolled-back numbers did.
     */
    public String newCode(String unitCode, Instant receivedAt) {
        return "%s-%s-%06d".formatted(unitCode, DAY.format(receivedAt), nextNumber());
    }

    private synchronized long nextNumber() {
        if (nextNumber == blockEnd) {
            nextNumber = reserveBlock();
            blockEnd = nextNumber + NUMBERS_PER_BLOCK;
        }
        return nextNumber++;
    }

    private long reserveBlock() {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet next = sql.executeQuery("SELECT nextval('dossier_number')")) {
            next.next();
            return next.getLong(1);
        } catch (SQLException e) {
            throw new PersistenceException("no dossier numbers", e);
        }
    }

    /** Eight symbols of 31 from one draw of 64 random bits (31^8 < 2^40): one call to the shared generator. */
    public String newLookupCode() {
        long bits = random.nextLong() >>> 1;
        char[] code = new char[LookupCodes.LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = LOOKUP_ALPHABET[(int) (bits % LOOKUP_ALPHABET.length)];
            bits /= LOOKUP_ALPHABET.length;
        }
        return new String(code);
    }
}
