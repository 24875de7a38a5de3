package cn.qinqing.portal.leader.liaison;

import static cn.qinqing.portal.Users.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
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
import cn.qinqing.portal.service.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A liaison leader's enterprises: open appeals, meetings attended, and a supervision notice from there. */
class LiaisonPagesTest extends PortalTestBase {

    static final String A = "91150200MA0QA0001T";
    final UUID open = UUID.randomUUID();
    final UUID closed = UUID.randomUUID();
    final UUID meeting = UUID.randomUUID();

    @BeforeEach
    void answers() {
        when(liaisons.mine())
                .thenReturn(new Liaison(
                        "leader",
                        "孙建国",
                        Instant.now(),
                        List.of(A, "91150200MA0QB0002M"),
                        List.of(
                                appeal(open, "厂区道路照明", "IN_PROGRESS", List.of("RESOLUTION")),
                                appeal(closed, "用电报装", "CLOSED", List.of())),
                        List.of(new Liaison.Meeting(
                                meeting, "光伏产业链政商早餐会", Instant.parse("2026-11-12T23:30:00Z"), A, "ACCEPTED", true, 1)),
                        new Oversight.Freshness(10L, 10, true, false)));
    }

    private static Liaison.Appeal appeal(UUID id, String title, String status, List<String> overdue) {
        return new Liaison.Appeal(
                id,
                A,
                "包头青山光伏材料有限公司",
                true,
                title,
                "POWER",
                status,
                new Oversight.HolderView("DEPARTMENT", "industry-it", "工业和信息化局"),
                Instant.parse("2026-11-02T01:00:00Z"),
                Instant.parse("2026-11-20T10:00:00Z"),
                overdue);
    }

    @Test
    void eachEnterpriseShowsItsOpenAppealsAndTheMeetingsItAttended() throws Exception {
        String page = mvc.perform(get("/leader/liaison").with(leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("包头青山光伏材料有限公司", "重点企业", "厂区道路照明", "在办诉求 1 件（已办结 1 件）");
        assertThat(page).doesNotContain("用电报装");
        assertThat(page).contains("光伏产业链政商早餐会", "已参加", "1 项议定事项");
        assertThat(page).contains("href=\"/leader/liaison/appeals/" + open + "/supervise\"");
        assertThat(page).as("the second enterprise, without appeals").contains("91150200MA0QB0002M", "没有在办诉求");
        assertThat(page).as("a place for issue 23").contains("重点项目与企业需求");
    }

    @Test
    void aSupervisionNoticeRefusedByTheAssignmentServiceShowsItsReasonsNextToTheFields() throws Exception {
        doThrow(new ApiProblem(
                        "assignment",
                        400,
                        "invalid-request",
                        "instructions must not be blank",
                        List.of(
                                new ApiProblem.FieldProblem("instructions", "must not be blank"),
                                new ApiProblem.FieldProblem("dueAt", "must be in the future"))))
                .when(assignments)
                .supervise(eq(open), any(), any(), anyString());

        String page = mvc.perform(post("/leader/liaison/appeals/" + open + "/supervise")
                        .with(leader())
                        .with(csrf())
                        .param("text", "")
                        .param("dueDate", "2020-01-01")
                        .param("key", "k-1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"supervise-text-error\"").contains("id=\"supervise-dueDate-error\"");
        assertThat(page).contains("厂区道路照明");
    }

    @Test
    void aSupervisionNoticeGoesToTheAssignmentServiceAndBackToTheEnterprises() throws Exception {
        mvc.perform(post("/leader/liaison/appeals/" + open + "/supervise")
                        .with(leader())
                        .with(csrf())
                        .param("text", "请本周内答复企业")
                        .param("dueDate", "2099-01-05")
                        .param("key", "k-2"))
                .andExpect(redirectedUrl("/leader/liaison"));
        verify(assignments).supervise(eq(open), eq("请本周内答复企业"), any(), eq("k-2"));
    }

    @Test
    void aClosedAppealOrOneOfAnotherLeadersEnterprisesHasNoForm() throws Exception {
        mvc.perform(get("/leader/liaison/appeals/" + closed + "/supervise").with(leader()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/leader/liaison/appeals/" + UUID.randomUUID() + "/supervise")
                        .with(leader()))
                .andExpect(status().isNotFound());
        verify(assignments, never()).supervise(any(), any(), any(), any());
    }
}
