package vn.motcua.stats.api;

import org.junit.jupiter.api.Test;
import vn.motcua.stats.domain.Counter;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.Period;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.domain.ProcedureCatalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV opens in a spreadsheet as text, whatever names the catalogue holds (CSV injection). */
class Form06CsvTest {

    private static final ProcedureCatalogue CATALOGUE = new ProcedureCatalogue(Map.of(
            "P1", new ProcedureCatalogue.Procedure("P1", "=HYPERLINK(\"http://x\",\"Bấm\")", "+Hộ tịch"),
            "P2", new ProcedureCatalogue.Procedure("P2", "-2+3", "@SUM(A1)")));

    @Test
    void cellsThatBeginAsAFormulaAreNeutralised() {
        Counts one = new Counts().add(Counter.NEW_ONLINE, 1).add(Counter.PENDING_WITHIN_DEADLINE, 1);
        List<PeriodReport.Row> rows = List.of(
                PeriodReport.Row.of("P1", CATALOGUE.nameOf("P1"), CATALOGUE.fieldOf("P1"), Map.of("P1", one), CATALOGUE),
                PeriodReport.Row.of("P2", CATALOGUE.nameOf("P2"), CATALOGUE.fieldOf("P2"), Map.of("P2", one), CATALOGUE),
                PeriodReport.Row.of("P3", "\tTab", "\rCR", Map.of("P3", one), CATALOGUE),
                PeriodReport.Row.of("P4", "Đăng ký = khai sinh", "Hộ tịch", Map.of("P4", one), CATALOGUE));
        PeriodReport report = PeriodReport.of(Period.half(2022, 1), "@UNIT", Map.of("P1", one), CATALOGUE,
                Instant.parse("2023-01-01T00:00:00Z"), "procedure", rows);

        // Records end in CRLF; a lone CR inside a quoted cell is part of it.
        List<String> lines = List.of(Form06Csv.render(report).substring(1).split("\r\n"));

        assertThat(lines.get(0)).startsWith("STT,Mã thủ tục,Thủ tục,(3) ").endsWith(",Lĩnh vực");
        assertThat(lines.get(1)).startsWith("1,P1,\"'=HYPERLINK(\"\"http://x\"\",\"\"Bấm\"\")\",1,1,0,0,")
                .endsWith(",'+Hộ tịch");
        assertThat(lines.get(2)).startsWith("2,P2,'-2+3,1,").endsWith(",'@SUM(A1)");
        assertThat(lines.get(3)).startsWith("3,P3,'\tTab,1,").endsWith(",\"'\rCR\"");
        assertThat(lines.get(4)).as("only the first character matters").startsWith("4,P4,Đăng ký = khai sinh,1,")
                .endsWith(",Hộ tịch");
        assertThat(lines.get(5)).isEqualTo(",'@UNIT,Tổng cộng,1,1,0,0,0,0,0,0,1,1,0,0,0,0,1.0,1.0,,,"); // no average, no delivery, no field
    }

    @Test
    void unitRowsKeepTheirColumnsAndAddTheIndicators() {
        Counts c = new Counts().add(Counter.NEW_DIRECT_OR_POSTAL, 4).add(Counter.RESOLVED_EARLY, 3)
                .add(Counter.PENDING_OVERDUE, 1).add(Counter.HANDLING_DAYS_SUM, 7).add(Counter.HANDLING_MEASURED, 3)
                .add(Counter.RESULT_ELECTRONIC, 1).add(Counter.RESULT_PAPER, 1);
        PeriodReport.Row ward = PeriodReport.Row.of("SADEC-P1", "Phường 1", null, Map.of("P1", c), CATALOGUE);
        PeriodReport report = PeriodReport.of(Period.half(2022, 1), "SADEC", Map.of("P1", c), CATALOGUE,
                Instant.parse("2023-01-01T00:00:00Z"), "unit", List.of(ward));

        List<String> lines = Form06Csv.render(report).substring(1).lines().toList();

        assertThat(lines.get(0)).startsWith("STT,Mã đơn vị,Đơn vị,(3) ").endsWith(",QĐ 766: Tỷ lệ trả kết quả điện tử");
        // (3 + 0 + 0) / (3 + 1) = 0.75; online 0 of 4; 7 / 3 = 2.33 days; electronic 1 of 2.
        assertThat(lines.get(1)).isEqualTo("1,SADEC-P1,Phường 1,4,0,4,0,3,3,0,0,1,0,1,0,0,0,0.75,0.0,2.33,0.5");
        assertThat(lines.get(2)).isEqualTo(",SADEC,Tổng cộng,4,0,4,0,3,3,0,0,1,0,1,0,0,0,0.75,0.0,2.33,0.5");
    }
}
