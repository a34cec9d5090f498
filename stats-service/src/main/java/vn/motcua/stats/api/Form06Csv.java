package vn.motcua.stats.api;

import vn.motcua.stats.app.ReportService;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.PeriodReport;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The form 06/VPCP/KSTT table as CSV for Excel: UTF-8 with a byte-order mark (without it Excel shows Vietnamese
 * as mojibake), Vietnamese headers numbered as the form's columns, one row per unit code with totals in the
 * query's subtree (tree order) and a total row equal to the JSON report.
 */
public final class Form06Csv {

    static final String BOM = "\uFEFF";
    static final List<String> HEADERS = List.of(
            "STT", "Mã đơn vị", "Đơn vị",
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
            "Trực tuyến mức độ 4 (toàn trình)");

    private Form06Csv() {
    }

    public static String render(ReportService service, ReportService.ReportQuery query) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, HEADERS.stream());
        int row = 1;
        Counts sum = new Counts();
        for (ReportService.UnitRow unit : service.rows(query)) {
            PeriodReport r = service.report(query.period(), unit.code(), unit.counts());
            line(csv, Stream.concat(Stream.of(Integer.toString(row++), unit.code(), unit.name()), numbers(r)));
            sum.addAll(unit.counts());
        }
        PeriodReport total = service.report(query.period(), query.unit(), sum);
        line(csv, Stream.concat(Stream.of("", query.unit(), "Tổng cộng"), numbers(total)));
        return csv.toString();
    }

    private static Stream<String> numbers(PeriodReport r) {
        return Stream.of(r.received().total(), r.received().newOnline(), r.received().newDirectOrPostal(),
                        r.received().carriedOver(), r.resolved().total(), r.resolved().early(), r.resolved().onTime(),
                        r.resolved().late(), r.pending().total(), r.pending().withinDeadline(), r.pending().overdue(),
                        r.withdrawn(), r.online().level3(), r.online().level4())
                .map(String::valueOf);
    }

    private static void line(StringBuilder csv, Stream<String> cells) {
        csv.append(cells.map(Form06Csv::quote).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
