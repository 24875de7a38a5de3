package cn.qinqing.portal.chain;

import static cn.qinqing.portal.Users.enterpriseA;
import static cn.qinqing.portal.Users.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.oversight.Oversight;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The chain view of an appeal born of a meeting: every link shown, each leading on; enterprises never open it. */
class ChainPagesTest extends PortalTestBase {

    @Test
    void aSupervisorSeesTheTopicMeetingDecisionActionItemAppealAndOutcomeWithLinksOn() throws Exception {
        UUID appeal = UUID.randomUUID();
        when(chains.chain(appeal))
                .thenReturn(new Chain(
                        appeal,
                        Instant.now(),
                        new Chain.Meeting(
                                UUID.randomUUID(),
                                "光伏产业链政商早餐会",
                                "leader",
                                "孙建国",
                                "市政府第三会议室",
                                Instant.parse("2026-11-12T23:30:00Z"),
                                true,
                                null),
                        new Chain.Topic(
                                1,
                                "光伏企业用电增容",
                                UUID.randomUUID(),
                                "切片车间增容迟迟未批",
                                "需要 10kV 增容。",
                                "91150200MA0QA0001T",
                                "包头青山光伏材料有限公司",
                                Instant.parse("2026-11-04T02:00:00Z")),
                        new Chain.Decision(1, 1, "能源局牵头两周内完成增容审批", "与会各方同意加快审批。"),
                        new Chain.ActionItem(
                                UUID.randomUUID(),
                                "协调切片车间增容",
                                null,
                                "industry-it",
                                "工业和信息化局",
                                "head-industry-it",
                                "李局长",
                                LocalDate.of(2026, 11, 26),
                                Instant.parse("2026-11-13T04:00:00Z"),
                                null,
                                null,
                                false),
                        new Oversight.AppealSummary(
                                appeal,
                                "协调切片车间增容",
                                "91150200MA0QA0001T",
                                "包头青山光伏材料有限公司",
                                "POWER",
                                "URGENT",
                                "BREAKFAST_MEETING",
                                "青山区",
                                Instant.parse("2026-11-13T04:00:00Z")),
                        new Oversight.State(
                                "IN_PROGRESS", null, 1, "industry-it", "工业和信息化局", null, "head-industry-it", false),
                        List.of(new Oversight.Step(
                                1,
                                "FILED",
                                Instant.parse("2026-11-13T04:00:00Z"),
                                "system:appeals",
                                "SYSTEM",
                                null,
                                null,
                                null,
                                null,
                                "FILED",
                                Map.of())),
                        List.of(new Chain.CaseFile(
                                1,
                                "industry-it",
                                "工业和信息化局",
                                Instant.parse("2026-11-13T05:00:00Z"),
                                Instant.parse("2026-11-26T09:30:00Z"),
                                null,
                                null,
                                null)),
                        new Chain.Outcome("IN_PROGRESS", null, null, null, null, null, null, null, null),
                        new Oversight.Freshness(10L, 10, true, false)));

        String page = mvc.perform(get("/appeals/" + appeal + "/chain").with(supervisor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("切片车间增容迟迟未批", "包头青山光伏材料有限公司", "光伏产业链政商早餐会", "孙建国")
                .contains("能源局牵头两周内完成增容审批", "李局长", "2026-11-26", "尚未答复");
        assertThat(page)
                .contains("href=\"/appeals/" + appeal + "\"")
                .contains("href=\"/supervisor/appeals/" + appeal + "\"");
        assertThat(page).as("a supervisor has no meeting page to go to").doesNotContain("/leader/meetings/");
    }

    @Test
    void anEnterpriseCannotOpenTheChainView() throws Exception {
        mvc.perform(get("/appeals/" + UUID.randomUUID() + "/chain").with(enterpriseA()))
                .andExpect(status().isForbidden());
    }
}
