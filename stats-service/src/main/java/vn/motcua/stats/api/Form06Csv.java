package vn.motcua.stats.api;

import vn.motcua.stats.domain.PeriodReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The form 06/VPCP/KSTT table as CSV for Excel: UTF-8 with a byte-order mark (without it Excel shows Vietnamese as
 * mojibake), Vietnamese headers numbered as the form's columns, one row per row of the report's breakdown (unit codes
 * or receiving counters in the period's tree order, procedures or fields by name), a total row equal to the JSON
 * report, then Decision 766's indicators as fractions with a point (0.9337), empty when null. Safe to open: a text cell
 * that a spreadsheet would take for a formula is neutralised ({@link #neutralise}).
 */
public final class Form06Csv {

    static final String BOM = "\uFEFF";
    /** The two columns that name a row, per breakdown. */
    private static final Map<String, List<String>> NAMING = Map.of(
            "unit", List.of("Mã đơn vị", "Đơn vị"),
            "procedure", List.of("Mã thủ tục", "Thủ tục"),
            "field", List.of("Mã lĩnh vực", "Lĩnh vực"),
            "receivingUnit", List.of("Mã nơi tiếp nhận", "Nơi tiếp nhận"));
    static final List<String> COLUMNS = List.of(
            "(3) Số hồ sơ nhận giải quyết: Tổng số",
            "(4) Mới tiếp nhận trực tuyến",
            "(5) Mới tiếp nhận trực tiếp và qua bưu chính",
            "(6) Từ kỳ trước chuyển qua",
            "(7) Số hồ sơ đã giải quyết: Tổng số",
            "(8) Đã giải quyết: Trước hạn",
            "(9) Đã giải quyết: Đúng hạn",
            "(10) Đã giải quyết: Quá hạn",
            "(11) Số hồ sơ đang giải quyết: Tổng số",
            "(12) Đang giải quyết: Trong hạn",
            "(13) Đang giải quyết: Quá hạn",
            "Rút hồ sơ",
            "Trực tuyến mức độ 3 (một phần)",
            "Trực tuyến mức độ 4 (toàn trình)",
            "QĐ 766: Tỷ lệ giải quyết đúng hạn",
            "QĐ 766: Tỷ lệ tiếp nhận trực tuyến",
            "QĐ 766: Thời gian giải quyết trung bình (ngày làm việc)",
            "QĐ 766: Tỷ lệ trả kết quả điện tử");

    private Form06Csv() {
    }

    public static String render(PeriodReport report) {
        StringBuilder csv = new StringBuilder(BOM);
        boolean procedures = "procedure".equals(report.by());
        List<String> headers = new ArrayList<>(List.of("STT"));
        headers.addAll(NAMING.get(report.by()));
        headers.addAll(COLUMNS);
        if (procedures) {
            headers.add("Lĩnh vực");
        }
        line(csv, headers.stream());
        int n = 1;
        for (PeriodReport.Row row : report.rows()) {
            Stream<String> cells = Stream.concat(Stream.of(Integer.toString(n++), row.code(), row.name()),
                    numbers(row));
            line(csv, procedures ? Stream.concat(cells, Stream.of(row.field())) : cells);
        }
        PeriodReport.Row total = new PeriodReport.Row(report.unit(), "Tổng cộng", null, report.received(),
                report.resolved(), report.pending(), report.withdrawn(), report.online(), report.summary(),
                report.indicators());
        Stream<String> cells = Stream.concat(Stream.of("", total.code(), total.name()), numbers(total));
        line(csv, procedures ? Stream.concat(cells, Stream.of("")) : cells);
        return csv.toString();
    }

    private static Stream<String> numbers(PeriodReport.Row r) {
        Stream<String> counts = Stream.of(r.received().total(), r.received().newOnline(),
                        r.received().newDirectOrPostal(), r.received().carriedOver(), r.resolved().total(),
                        r.resolved().early(), r.resolved().onTime(), r.resolved().late(), r.pending().total(),
                        r.pending().withinDeadline(), r.pending().overdue(), r.withdrawn(), r.online().level3(),
                        r.online().level4())
                .map(String::valueOf);
        PeriodReport.Indicators i = r.indicators();
        Stream<String> indicators = Stream.of(i.onTimeShare(), i.onlineShare(), i.averageHandlingWorkingDays(),
                i.electronicResultShare()).map(value -> value == null ? "" : value.toString());
        return Stream.concat(counts, indicators);
    }

    private static void line(StringBuilder csv, Stream<String> cells) {
        csv.append(cells.map(Form06Csv::neutralise).map(Form06Csv::quote).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    /**
     * A cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is a formula to
     * a spreadsheet (CSV injection): it gets a leading {@code '}, which shows it as text. Our numbers are never
     * negative, so only names and codes can be affected.
     */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
