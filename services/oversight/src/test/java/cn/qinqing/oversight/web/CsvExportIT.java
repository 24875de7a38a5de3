package cn.qinqing.oversight.web;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every list exports as CSV that a spreadsheet opens with its Chinese intact (UTF-8 with a byte order mark), its
 * commas, quotes and line breaks in place, and its formulas defused; by {@code .csv} or by {@code Accept: text/csv}.
 */
class CsvExportIT extends OversightApiTestBase {

    @Test
    void theOverdueListAsCsvKeepsChineseCommasQuotesAndLineBreaksIntact() {
        Scenario scenario = scenario();
        String department = scenario.id("dept-csv");
        scenario.department(department, "营商环境局");
        scenario.appeal(scenario.uscc(4), "增容,并网 \"加急\"\n第二行")
                .filed(at("2025-11-03 08:30"))
                .dispatched(department, at("2025-11-03 09:00"), at("2025-11-03 17:30"));
        scenario.appeal(scenario.uscc(4), "=HYPERLINK(\"http://example.invalid\")")
                .filed(at("2025-11-03 08:40"))
                .dispatched(department, at("2025-11-03 09:10"), at("2025-11-03 17:40"));
        awaitCaughtUp();

        var csv = api.get("/api/oversight/overdue.csv?department=" + department)
                .token(supervisor)
                .send();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("overdue.csv");
        assertThat(csv.header("X-Read-Model-Position")).matches("\\d+/\\d+");
        String text = csv.text();
        assertThat(text).startsWith("\uFEFF");
        List<String> lines = List.of(text.substring(1).split("\r\n"));
        assertThat(lines.get(0)).startsWith("appealId,title,enterprise,kind,dueAt,");
        assertThat(text).contains(",\"增容,并网 \"\"加急\"\"\n第二行\",");
        assertThat(text).contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\")\",");
        assertThat(text).contains(",SIGN_FOR,").contains(",营商环境局,");
        assertThat(lines)
                .as("header and two items, the line break inside a quoted cell")
                .hasSize(3);

        var accepted = api.get("/api/oversight/overdue?department=" + department)
                .token(supervisor)
                .header("Accept", "text/csv")
                .send();
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.header("Content-Type")).startsWith("text/csv");
        assertThat(accepted.text()).isEqualTo(text);

        var json = api.get("/api/oversight/overdue?department=" + department)
                .token(supervisor)
                .header("Accept", "application/json, text/csv;q=0.5")
                .send();
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void kpisRankingsAndTimelinesExportToo() {
        for (String path : List.of(
                "/api/oversight/kpis.csv?groupBy=DEPARTMENT&month=2025-10",
                "/api/oversight/rankings/2025-10.csv",
                "/api/oversight/meetings/follow-up.csv")) {
            var csv = api.get(path).token(supervisor).send();
            assertThat(csv.status()).as(path).isEqualTo(200);
            assertThat(csv.text()).as(path).startsWith("\uFEFF");
            assertThat(csv.header("Content-Type")).as(path).startsWith("text/csv");
        }
        assertThat(api.get("/api/oversight/kpis.csv?groupBy=DEPARTMENT")
                        .token(supervisor)
                        .send()
                        .text())
                .startsWith("\uFEFFdepartment,label,signedForInTime,");
    }
}
