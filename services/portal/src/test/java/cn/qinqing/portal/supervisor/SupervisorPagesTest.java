package cn.qinqing.portal.supervisor;

import static cn.qinqing.portal.Users.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.oversight.Oversight;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The supervisor's pages against a mocked oversight API. */
class SupervisorPagesTest extends PortalTestBase {

    static final Oversight.Freshness FRESH = new Oversight.Freshness(10L, 10, true, false);

    static Oversight.KpiRow row(String key, String label, long met, long total) {
        return new Oversight.KpiRow(
                key,
                label,
                new Oversight.Rate(met, total, (double) met / total),
                new Oversight.Rate(1, 2, 0.5),
                new Oversight.Satisfaction(1, 1, 1.0, 5.0, 0),
                new Oversight.Reopen(0, 1, 0.0),
                new Oversight.Handling(1, 2.5),
                1L);
    }

    @Test
    void theDashboardDrawsTheThreeRatesPerDepartmentAsAnSvgChartAndATable() throws Exception {
        when(oversight.kpis(eq("DEPARTMENT"), any()))
                .thenReturn(
                        new Oversight.KpiAnswer(Instant.now(), List.of(row("industry-it", "工业和信息化局", 3, 4)), FRESH));
        when(oversight.kpis(eq("MONTH"), any()))
                .thenReturn(new Oversight.KpiAnswer(
                        Instant.now(),
                        List.of(row("2026-10", "2026-10", 1, 2), row("2026-11", "2026-11", 3, 4)),
                        FRESH));

        String page = mvc.perform(get("/supervisor").with(supervisor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("各部门三率").contains("工业和信息化局").contains("75% (3/4)");
        assertThat(page)
                .contains("<svg class=\"chart\" role=\"img\"")
                .contains("class=\"bar-a\"")
                .contains("<polyline");
        assertThat(page).as("overdue now, summed").contains("id=\"overdue-now\">1<");
        assertThat(page).doesNotContain("style=");
    }

    @Test
    void anyAppealsTimelineShowsItsStepsAndHolderTimes() throws Exception {
        UUID id = UUID.randomUUID();
        Oversight.HolderView department = new Oversight.HolderView("DEPARTMENT", "industry-it", "工业和信息化局");
        when(oversight.timeline(id))
                .thenReturn(new Oversight.Timeline(
                        id,
                        Instant.now(),
                        new Oversight.AppealSummary(
                                id,
                                "产线用电增容",
                                "91150200MA0QA0001T",
                                "包头青山光伏材料有限公司",
                                "POWER",
                                "URGENT",
                                "ONLINE",
                                "青山区",
                                Instant.parse("2026-11-02T01:00:00Z")),
                        new Oversight.State("SIGNED_FOR", department, 1, "industry-it", "工业和信息化局", null, null, false),
                        List.of(new Oversight.Step(
                                1,
                                "SIGNED_FOR",
                                Instant.parse("2026-11-02T02:00:00Z"),
                                "official",
                                "OFFICIAL",
                                "industry-it",
                                null,
                                null,
                                department,
                                "SIGNED_FOR",
                                Map.of())),
                        List.of(),
                        List.of(new Oversight.HolderTotal(department, 1, 3.5, 0.44)),
                        FRESH));

        when(oversight.readLog(id, null)).thenReturn(new Oversight.ReadLog(id, null, List.of()));

        mvc.perform(get("/supervisor/appeals/" + id + "?lang=en").with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Signed for")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("0.44")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("Industry and Information Technology Bureau")));
    }

    /** Issue 22: the slider picks a step, the view is the enterprise's then, and the page says who looked. */
    @Test
    void theTimelineLooksBackThroughAnActorsEyesAndSaysWhoLooked() throws Exception {
        UUID id = UUID.randomUUID();
        Oversight.HolderView department = new Oversight.HolderView("DEPARTMENT", "industry-it", "工业和信息化局");
        Instant filed = Instant.parse("2026-03-03T01:00:00Z");
        Instant noted = Instant.parse("2026-03-03T02:00:00Z");
        Oversight.Step filing = new Oversight.Step(
                1, "FILED", filed, filed, "user-a", "ENTERPRISE", null, null, null, null, "FILED", Map.of());
        Oversight.Step internal = new Oversight.Step(
                2,
                "PROGRESS_NOTED",
                noted,
                noted,
                "official",
                "OFFICIAL",
                null,
                null,
                null,
                department,
                "IN_PROGRESS",
                Map.of("text", "内部会商纪要"));
        Oversight.Timeline now = timeline(id, List.of(filing, internal));
        when(oversight.timeline(id)).thenReturn(now);
        when(oversight.timeline(id, noted)).thenReturn(now);
        when(oversight.asSeen(id, "ENTERPRISE", null, null, noted))
                .thenReturn(new Oversight.AsSeen(
                        id,
                        noted,
                        new Oversight.Seen("ENTERPRISE", "91150200MA0QA0001T", null),
                        true,
                        null,
                        "IN_PROGRESS",
                        department,
                        List.of(filing),
                        FRESH));
        when(oversight.readLog(id, null))
                .thenReturn(new Oversight.ReadLog(
                        id,
                        null,
                        List.of(new Oversight.ReadLogEntry(
                                noted,
                                "oversight",
                                "supervisor-wang",
                                "SUPERVISOR",
                                null,
                                null,
                                "TIMELINE",
                                "/api/oversight/appeals/{id}/timeline",
                                id,
                                "csv",
                                "corr-1"))));

        String page = mvc.perform(get("/supervisor/appeals/" + id + "?step=2&viewer=ENTERPRISE")
                        .with(supervisor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("以企业当时的视角")
                .contains("id=\"lens-shown\"")
                .doesNotContain("内部会商纪要")
                .contains("supervisor-wang")
                .contains("时间线 (CSV)")
                .contains("type=\"range\"");

        when(oversight.asSeen(id, "OFFICIAL", null, null, null))
                .thenThrow(new cn.qinqing.portal.service.ApiProblem(
                        "oversight",
                        400,
                        "invalid-request",
                        "Invalid request",
                        List.of(new cn.qinqing.portal.service.ApiProblem.FieldProblem(
                                "department", "name the official's department"))));
        String refused = mvc.perform(
                        get("/supervisor/appeals/" + id + "?viewer=OFFICIAL").with(supervisor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("id=\"department-error\"").contains("aria-invalid=\"true\"");

        String typo = mvc.perform(
                        get("/supervisor/appeals/" + id + "?asOf=yesterday").with(supervisor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(typo).contains("id=\"asOf-error\"").contains("请输入有效的日期时间");
    }

    private static Oversight.Timeline timeline(UUID id, List<Oversight.Step> steps) {
        return new Oversight.Timeline(
                id,
                Instant.now(),
                new Oversight.AppealSummary(
                        id,
                        "产线用电增容",
                        "91150200MA0QA0001T",
                        "包头青山光伏材料有限公司",
                        "POWER",
                        "URGENT",
                        "ONLINE",
                        "青山区",
                        Instant.parse("2026-03-03T01:00:00Z")),
                new Oversight.State("IN_PROGRESS", null, 1, "industry-it", "工业和信息化局", null, null, false),
                steps,
                List.of(),
                List.of(),
                FRESH);
    }

    @Test
    void csvDownloadsAreHandedOnAsTheOversightServiceMadeThem() throws Exception {
        byte[] csv = "\uFEFFdepartment,rate\n工业和信息化局,0.75\n".getBytes(StandardCharsets.UTF_8);
        when(oversight.csv("/api/oversight/overdue.csv"))
                .thenReturn(ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"overdue.csv\"")
                        .body(csv));

        mvc.perform(get("/supervisor/export/overdue.csv").with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"overdue.csv\""))
                .andExpect(content().bytes(csv));
    }

    @Test
    void aRebuildShowsItsProgressAndThePagePollsUntilItIsDone() throws Exception {
        var running = new Oversight.ReplayProgress(
                new Oversight.ReplayControl(2, "RESET", "admin", Instant.now()),
                false,
                new Oversight.Freshness(250L, 1000, false, true));
        when(oversight.replay()).thenReturn(running);

        String page = mvc.perform(get("/supervisor/replay/progress")
                        .with(cn.qinqing.portal.Users.user("admin", "ADMIN", null, null)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("已完成 25%")
                .contains("hx-get=\"/supervisor/replay/progress\"")
                .contains("hx-trigger=\"every 2s\"");

        when(oversight.replay())
                .thenReturn(new Oversight.ReplayProgress(
                        new Oversight.ReplayControl(2, "IDLE", "admin", Instant.now()),
                        true,
                        new Oversight.Freshness(1000L, 1000, true, false)));
        String done = mvc.perform(get("/supervisor/replay/progress")
                        .with(cn.qinqing.portal.Users.user("admin", "ADMIN", null, null)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(done).contains("数据已是最新").doesNotContain("hx-trigger");
    }
}
