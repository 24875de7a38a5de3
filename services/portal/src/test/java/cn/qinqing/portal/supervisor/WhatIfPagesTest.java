package cn.qinqing.portal.supervisor;

import static cn.qinqing.portal.Users.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.oversight.Oversight;
import cn.qinqing.portal.oversight.WhatIf;
import cn.qinqing.portal.service.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The what-if page against a mocked oversight API: the proposal sent, errors beside fields, the answer drawn. */
class WhatIfPagesTest extends PortalTestBase {

    static Oversight.KpiRow onTime(String key, String label, long met, long total) {
        return new Oversight.KpiRow(
                key,
                label,
                new Oversight.Rate(1, 1, 1.0),
                new Oversight.Rate(met, total, (double) met / total),
                new Oversight.Satisfaction(1, 1, 1.0, 5.0, 0),
                new Oversight.Reopen(0, 1, 0.0),
                new Oversight.Handling(1, 2.5),
                0L);
    }

    @Test
    void theProposalIsSentAsTheApiTakesItAndTheRunIsFollowed() throws Exception {
        UUID job = UUID.randomUUID();
        when(whatIf.calendarYear(anyInt())).thenReturn(Optional.empty());
        when(whatIf.start(any(), anyString()))
                .thenReturn(new WhatIf.Job(
                        job,
                        "QUEUED",
                        "supervisor",
                        Instant.now(),
                        "2025-10",
                        "2025-12",
                        new WhatIf.Progress(0, null, 0),
                        null,
                        null));

        mvc.perform(post("/supervisor/what-if")
                        .with(supervisor())
                        .with(csrf())
                        .param("from", "2025-10")
                        .param("to", "2025-12")
                        .param("urgentDays", "3")
                        .param("tierCategory", "POWER")
                        .param("tierUrgency", "NORMAL")
                        .param("tierDays", "10")
                        .param("idempotencyKey", "k-1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/supervisor/what-if?job=" + job));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> sent = ArgumentCaptor.forClass(Map.class);
        verify(whatIf).start(sent.capture(), org.mockito.ArgumentMatchers.eq("k-1"));
        assertThat(sent.getValue())
                .isEqualTo(Map.of(
                        "from",
                        "2025-10",
                        "to",
                        "2025-12",
                        "proposal",
                        Map.of(
                                "sla",
                                Map.of(
                                        "resolution",
                                        List.of(
                                                Map.of("urgency", "URGENT", "workingDays", 3),
                                                Map.of(
                                                        "category",
                                                        "POWER",
                                                        "urgency",
                                                        "NORMAL",
                                                        "workingDays",
                                                        10))))));
    }

    @Test
    void aRefusedTierIsShownBesideItsOwnField() throws Exception {
        when(whatIf.start(any(), anyString()))
                .thenThrow(new ApiProblem(
                        "oversight",
                        400,
                        "invalid-request",
                        "",
                        List.of(new ApiProblem.FieldProblem(
                                "proposal.sla.resolution[1].workingDays", "must be between 1 and 60 working days"))));

        String page = mvc.perform(post("/supervisor/what-if")
                        .with(supervisor())
                        .with(csrf())
                        .param("from", "2025-10")
                        .param("to", "2025-12")
                        .param("urgentDays", "3")
                        .param("normalDays", "99"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("请检查以下内容").contains("id=\"normalDays-error\"");
        assertThat(page).doesNotContain("id=\"urgentDays-error\"");
    }

    @Test
    void aNonNumberIsRefusedBeforeAskingTheService() throws Exception {
        String page = mvc.perform(post("/supervisor/what-if")
                        .with(supervisor())
                        .with(csrf())
                        .param("from", "2025-10")
                        .param("to", "2025-12")
                        .param("holidays", "国庆节 10月1日")
                        .param("calendarYear", "2025"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"holidays-error\"").contains("应写成：名称,开始日期,结束日期");
        verify(whatIf, never()).start(any(), anyString());
    }

    @Test
    void aFinishedRunShowsBothSidesTheDifferenceAChartAndTheChangedAppeals() throws Exception {
        UUID job = UUID.randomUUID();
        UUID appeal = UUID.randomUUID();
        when(whatIf.calendarYear(anyInt()))
                .thenReturn(Optional.of(new WhatIf.CalendarYear(
                        2025, List.of(new WhatIf.Holiday("国庆节", "2025-10-01", "2025-10-08")), List.of("2025-09-28"))));
        WhatIf.Comparison department = new WhatIf.Comparison(
                "industry-it",
                "工业和信息化局",
                onTime("industry-it", "工业和信息化局", 2, 3),
                onTime("industry-it", "工业和信息化局", 1, 3),
                new WhatIf.Difference(0.0, -0.3334, 0.0, 0L, -11.11));
        WhatIf.Result result = new WhatIf.Result(
                Instant.parse("2025-12-31T16:00:00Z"),
                3,
                department,
                List.of(department),
                List.of(),
                List.of(),
                List.of(new WhatIf.Place("industry-it", "工业和信息化局", 1, 1, 88.89, 77.78)),
                List.of(new WhatIf.ChangedOutcome(
                        appeal,
                        "产线用电增容",
                        "RESOLUTION",
                        1,
                        "industry-it",
                        "工业和信息化局",
                        Instant.parse("2025-11-07T09:30:00Z"),
                        Instant.parse("2025-11-05T09:30:00Z"),
                        Instant.parse("2025-11-06T07:00:00Z"),
                        "ON_TIME",
                        "OVERDUE")),
                false,
                List.of(),
                false);
        when(whatIf.job(job))
                .thenReturn(new WhatIf.Job(
                        job,
                        "DONE",
                        "supervisor",
                        Instant.now(),
                        "2025-10",
                        "2025-12",
                        new WhatIf.Progress(3, 3L, 100),
                        result,
                        null));

        String page = mvc.perform(
                        get("/supervisor/what-if").param("job", job.toString()).with(supervisor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("已推演 3 件诉求").contains("66.7% (2/3)").contains("33.3% (1/3)");
        assertThat(page).contains("<svg class=\"chart\" role=\"img\"").contains("class=\"bar-b\"");
        assertThat(page).contains("产线用电增容").contains("按时 → 超期");
        assertThat(page).as("the run is done: no more polling").doesNotContain("what-if/" + job + "/progress");
        assertThat(page).as("the holidays start from the calendar in force").contains("国庆节,2025-10-01,2025-10-08");
        assertThat(page).doesNotContain("style=");
    }
}
