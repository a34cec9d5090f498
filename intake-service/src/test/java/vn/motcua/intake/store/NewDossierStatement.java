package vn.motcua.intake.store;

import vn.motcua.events.Channel;
import vn.motcua.intake.domain.DossierStatus;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The statement that writes a new dossier, with made-up values: the database's own share of a POST, measured alone. */
public final class NewDossierStatement {

    public static final String SQL = NewDossierInsert.SQL;

    private NewDossierStatement() {
    }

    public static void bindNew(PreparedStatement insert, String unitCode, String eventValue) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Dossier dossier = new Dossier();
        dossier.code = "BENCH-" + id;
        dossier.lookupCode = id;
        dossier.procedureCode = "1.004873";
        dossier.unitCode = unitCode;
        dossier.channel = Channel.DIRECT;
        dossier.status = DossierStatus.RECEIVED;
        dossier.receivedAt = now;
        dossier.dueDate = LocalDate.now();
        dossier.dueAt = now;
        dossier.lastStepAt = now;
        dossier.sequence = 1;
        dossier.requestHash = id;
        dossier.applicantName = "Trần Văn Bình";
        dossier.applicantIdNumber = "087090001234";
        dossier.applicantPhone = "0912345678";
        dossier.receivedBy = "service-account-kiosk-sadec";   // a POST records its kiosk
        NewDossierInsert.bind(insert, dossier, "dossier.received", eventValue, id, now);
    }
}
