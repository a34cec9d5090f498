package vn.motcua.deadline.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.deadline.web.InvalidParameterException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the {@code unit} query parameter into a {@link UnitScope}: a parent unit sees its children. */
@ApplicationScoped
public class UnitDirectory {

    static final String ALL = "ALL";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Transactional
    public UnitScope scope(String unit) {
        if (unit == null || unit.isBlank() || ALL.equalsIgnoreCase(unit.trim())) {
            return UnitScope.ALL;
        }
        String code = unit.trim();
        if (!CODE.matcher(code).matches()) {
            throw new InvalidParameterException("unit", "must be a unit code such as SADEC, or ALL");
        }
        List<Unit> units = Unit.listAll();
        if (units.stream().noneMatch(u -> u.code.equals(code))) {
            throw new InvalidParameterException("unit", "unknown unit " + code);
        }
        Set<String> codes = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(code));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (codes.add(next)) {
                units.stream().filter(u -> next.equals(u.parentCode)).forEach(u -> pending.push(u.code));
            }
        }
        return new UnitScope(Set.copyOf(codes));
    }
}
