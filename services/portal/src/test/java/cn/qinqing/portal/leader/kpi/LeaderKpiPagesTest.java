package cn.qinqing.portal.leader.kpi;

import static cn.qinqing.portal.Users.enterpriseA;
import static cn.qinqing.portal.Users.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.oversight.Oversight;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A leader's figures: the oversight API's answers (narrowed to the leader there) drawn as on the dashboard. */
class LeaderKpiPagesTest extends PortalTestBase {

    static final Oversight.Freshness FRESH = new Oversight.Freshness(10L, 10, true, false);

    static Oversight.KpiRow row(String key, long met, long total) {
        return new Oversight.KpiRow(
                key,
                key,
                new Oversight.Rate(met, total, (double) met / total),
                new Oversight.Rate(1, 2, 0.5),
                new Oversight.Satisfaction(1, 1, 1.0, 5.0, 0),
                new Oversight.Reopen(0, 1, 0.0),
                new Oversight.Handling(1, 2.5),
                1L);
    }

    @BeforeEach
    void answers() {
        when(oversight.kpis(eq("DEPARTMENT"), any()))
                .thenReturn(new Oversight.KpiAnswer(Instant.now(), List.of(row("industry-it", 3, 4)), FRESH));
        when(oversight.kpis(eq("MONTH"), any()))
                .thenReturn(new Oversight.KpiAnswer(
                        Instant.now(), List.of(row("2026-10", 1, 2), row("2026-11", 3, 4)), FRESH));
        when(oversight.overdue())
                .thenReturn(new Oversight.OverdueList(
                        Instant.now(),
                        1,
                        List.of(new Oversight.OverdueItem(
                                UUID.randomUUID(),
                                "厂区道路照明",
                                "包头青山光伏材料有限公司",
                                "RESOLUTION",
                                Instant.parse("2026-11-20T10:00:00Z"),
                                1.5,
                                new Oversight.HolderView("DEPARTMENT", "industry-it", "工业和信息化局"),
                                "industry-it",
                                "工业和信息化局",
                                "leader",
                                "孙建国")),
                        FRESH));
    }

    @Test
    void aLeaderSeesTheThreeRatesTrendAndOverdueOfTheirChain() throws Exception {
        String page = mvc.perform(get("/leader/kpis").with(leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("我分管的考核指标").contains("75% (3/4)").contains("class=\"bar-a\"");
        assertThat(page).contains("<polyline").contains("厂区道路照明").contains("id=\"leader-overdue-now\">1<");
        assertThat(page).doesNotContain("style=").doesNotContain("th:fragment");
    }

    @Test
    void aMonthThatIsNoMonthIsRefusedNextToItsFieldAndAllTimeShown() throws Exception {
        String page = mvc.perform(get("/leader/kpis").param("month", "2026-13").with(leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"month-error\"").contains("请按“年-月”选择月份").contains("aria-invalid=\"true\"");
        verify(oversight).kpis(eq("DEPARTMENT"), isNull());
    }

    @Test
    void onlyLeadersOpenIt() throws Exception {
        mvc.perform(get("/leader/kpis").with(enterpriseA())).andExpect(status().isForbidden());
    }
}
