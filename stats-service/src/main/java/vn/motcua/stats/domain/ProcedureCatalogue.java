package vn.motcua.stats.domain;

import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The procedures as the catalogue topic announced them, at one read. A code not announced yet (or
 * {@link TotalsKey#NO_PROCEDURE}) is named by its code and has no field: its rows say "chưa phân loại".
 */
public final class ProcedureCatalogue {

    public static final ProcedureCatalogue EMPTY = new ProcedureCatalogue(Map.of());
    /** The field row of procedures without a known field. */
    public static final String UNKNOWN_FIELD = "?";
    public static final String UNKNOWN_FIELD_NAME = "Chưa phân loại";
    public static final String NO_PROCEDURE_NAME = "Chưa rõ thủ tục (dữ liệu cũ)";

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi-VN"));

    private final Map<String, Procedure> byCode = new HashMap<>();

    public ProcedureCatalogue(Map<String, Procedure> procedures) {
        byCode.putAll(procedures);
    }

    public record Procedure(String code, String name, String field) {
    }

    public String nameOf(String code) {
        if (code.equals(TotalsKey.NO_PROCEDURE)) {
            return NO_PROCEDURE_NAME;
        }
        Procedure p = byCode.get(code);
        return p == null ? code : p.name();
    }

    /** The procedure's field (lĩnh vực), or {@link #UNKNOWN_FIELD}. */
    public String fieldOf(String code) {
        Procedure p = byCode.get(code);
        return p == null || p.field() == null || p.field().isBlank() ? UNKNOWN_FIELD : p.field();
    }

    public static String fieldName(String field) {
        return field.equals(UNKNOWN_FIELD) ? UNKNOWN_FIELD_NAME : field;
    }

    /** Procedures by name in Vietnamese order, then code. */
    public <T> Comparator<T> order(Function<T, String> code) {
        return Comparator.comparing((T t) -> nameOf(code.apply(t)), VIETNAMESE).thenComparing(code);
    }
}
