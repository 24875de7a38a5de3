package cn.qinqing.portal.leader.liaison;

import static cn.qinqing.portal.Users.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.oversight.Oversight;
import cn.qinqing.portal.project.Project;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.ServiceUnavailableException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

    final UUID wafers = UUID.randomUUID();

    @BeforeEach
    void answers() {
        when(projects.ofEnterprise(A)).thenReturn(List.of(waferProject()));
        when(projects.ofEnterprise("91150200MA0QB0002M")).thenReturn(List.of());
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

    private Project.View waferProject() {
        return new Project.View(
                wafers,
                "20GW大尺寸单晶硅片项目",
                List.of(A),
                "WAFER",
                new BigDecimal("4600000000"),
                new BigDecimal("20"),
                "GW",
                "包头青山装备制造产业园",
                "leader",
                "industry-it",
                LocalDate.parse("2026-06-01"),
                "CONSTRUCTION_STARTED",
                LocalDate.parse("2026-08-20"),
                LocalDate.parse("2027-03-31"),
                "EQUIPMENT_INSTALLED",
                LocalDate.parse("2026-11-27"),
                true,
                1,
                4);
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
        assertThat(page)
                .as("the enterprise's key project, from the projects service")
                .contains("id=\"projects-" + A + "\"", "20GW大尺寸单晶硅片项目", "硅片", "开工", "设备安装")
                .contains("计划 2026-11-27", "节点逾期", "未解决堵点 1 个")
                .contains("href=\"/projects/" + wafers + "\"");
        assertThat(page).as("the second enterprise, without projects").contains("该企业没有投资的重点项目");
        verify(projects).ofEnterprise(A);
    }

    @Test
    void thePageStandsWithoutTheProjectsServiceAndSaysSo() throws Exception {
        when(projects.ofEnterprise(anyString()))
                .thenThrow(new ServiceUnavailableException("projects", "connection refused", null));

        String page = mvc.perform(get("/leader/liaison").with(leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("厂区道路照明", "重点项目暂时无法读取").doesNotContain("20GW大尺寸单晶硅片项目");
        verify(projects, times(1)).ofEnterprise(anyString());
    }

    @Test
    void aLeaderSeesTheProjectsOfTheirOwnEnterprisesOnly() throws Exception {
        mvc.perform(get("/leader/liaison").with(leader())).andExpect(status().isOk());

        verify(projects).ofEnterprise(A);
        verify(projects).ofEnterprise("91150200MA0QB0002M");
        verifyNoMoreInteractions(projects);
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
