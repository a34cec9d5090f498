package vn.motcua.intake.app;

import vn.motcua.api.FieldError;
import vn.motcua.api.ProblemException;

import java.time.LocalDate;
import java.util.List;

/**
 * 409: the unit does not receive dossiers on the receipt day, because it was closed into {@code successorCode}, or
 * because it comes into being only on {@code existsFrom}. Both are told to the client as members of the problem, so
 * a kiosk can offer the successor without parsing a sentence.
 */
public final class UnitNotReceiving extends ProblemException {

    private final String successorCode;
    private final LocalDate existsFrom;

    private UnitNotReceiving(String detail, String successorCode, LocalDate existsFrom) {
        super(409, "Conflict with the current state", detail, List.of(new FieldError("unitCode", detail)));
        this.successorCode = successorCode;
        this.existsFrom = existsFrom;
    }

    static UnitNotReceiving closed(String unitCode, LocalDate closedFrom, String successorCode) {
        return new UnitNotReceiving("Unit " + unitCode + " was closed on " + closedFrom + "; its successor "
                + successorCode + " receives its dossiers.", successorCode, null);
    }

    static UnitNotReceiving notYet(String unitCode, LocalDate existsFrom) {
        return new UnitNotReceiving("Unit " + unitCode + " exists from " + existsFrom + " only.", null, existsFrom);
    }

    /** The unit that receives instead; null when the unit did not exist yet. */
    public String successorCode() {
        return successorCode;
    }

    /** The first day the unit exists; null when it was closed. */
    public LocalDate existsFrom() {
        return existsFrom;
    }
}
