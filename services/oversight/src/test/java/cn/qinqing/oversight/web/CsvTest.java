package cn.qinqing.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void startsWithTheUtf8ByteOrderMarkSoThatSpreadsheetsReadChinese() {
        byte[] csv = Csv.write(List.of("部门"), List.of(List.of("工业和信息化局")));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo("部门\r\n工业和信息化局\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAsRfc4180Says() {
        assertThat(Csv.cell("增容, 并网")).isEqualTo("\"增容, 并网\"");
        assertThat(Csv.cell("所谓\"一网通办\"")).isEqualTo("\"所谓\"\"一网通办\"\"\"");
        assertThat(Csv.cell("第一行\n第二行")).isEqualTo("\"第一行\n第二行\"");
        assertThat(Csv.cell(" 前后空格 ")).isEqualTo("\" 前后空格 \"");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+86 472")).isEqualTo("'+86 472");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell(-2)).as("numbers stay numbers").isEqualTo("-2");
        assertThat(Csv.cell(0.3333)).isEqualTo("0.3333");
    }

    @Test
    void instantsAreWrittenAsIso8601() {
        assertThat(Csv.cell(Instant.parse("2025-10-09T02:00:00Z"))).isEqualTo("2025-10-09T02:00:00Z");
    }
}
