package vn.motcua.deadline.app;

import jakarta.inject.Singleton;
import vn.motcua.api.ProblemException;
import vn.motcua.deadline.domain.Unit;
import vn.motcua.deadline.domain.UnitScope;
import vn.motcua.deadline.store.UnitStore;

import java.util.List;
import java.util.regex.Pattern;

/** Turns the {@code unit} query parameter into a {@link UnitScope}: a parent unit sees its children. */
@Singleton
public class UnitDirectory {

    private static final String ALL = "ALL";
    private static final String PARAMETER = "unit";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final UnitStore units;

    public UnitDirectory(UnitStore units) {
        this.units = units;
    }

    /** Every unit for {@code ALL} or no parameter; a 400 naming {@code unit} for a malformed or unknown code. */
    public UnitScope scope(String unit) {
        if (unit == null || unit.isBlank() || ALL.equalsIgnoreCase(unit.trim())) {
            return UnitScope.ALL;
        }
        String code = unit.trim();
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.invalid(PARAMETER, "must be a unit code such as SADEC, or ALL");
        }
        List<Unit> all = units.all();
        if (all.stream().noneMatch(known -> known.code().equals(code))) {
            throw ProblemException.invalid(PARAMETER, "unknown unit " + code);
        }
        return UnitScope.of(code, all);
    }
}
