package cn.qinqing.portal.official;

import static cn.qinqing.portal.Users.ENTERPRISE_A;
import static cn.qinqing.portal.Users.official;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.Users;
import cn.qinqing.portal.appeal.Appeal;
import cn.qinqing.portal.appeal.AppealsApi;
import cn.qinqing.portal.assignment.Assignment;
import cn.qinqing.portal.assignment.Department;
import cn.qinqing.portal.resolution.CaseFile;
import cn.qinqing.portal.resolution.CaseFileDocument;
import cn.qinqing.portal.service.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** The official's inbox and actions against mocked APIs. */
class OfficialPagesTest extends PortalTestBase {

    static final UUID ID = UUID.fromString("6f1c0c1e-0000-4000-8000-000000000002");
    static final Instant FILED = Instant.parse("2026-03-02T01:30:00Z");

    static Assignment assignment(String status, long version) {
        return new Assignment(
                ID,
                ENTERPRISE_A,
                "包头青山光伏材料有限公司",
                true,
                "POWER",
                "URGENT",
                "青山区",
                status,
                "industry-it",
                "工业和信息化局",
                "RULE",
                null,
                null,
                FILED,
                null,
                FILED.plusSeconds(3600),
                FILED.plusSeconds(60),
                FILED.plusSeconds(86_400),
                null,
                null,
                null,
                null,
                FILED,
                version);
    }

    static Appeal appeal() {
        return new Appeal(
                ID,
                ENTERPRISE_A,
                "产线用电增容",
                "需要增容",
                "POWER",
                "URGENT",
                "ONLINE",
                null,
                null,
                false,
                List.of(),
                "DISPATCHED",
                "industry-it",
                0,
                null,
                FILED,
                FILED,
                2);
    }

    @BeforeEach
    void apis() {
        when(appeals.list(any(), any(), anyInt())).thenReturn(new AppealsApi.Page(List.of(appeal()), null));
        when(appeals.appealAtLeast(eq(ID), anyLong())).thenReturn(appeal());
        when(appeals.timeline(ID)).thenReturn(List.of());
        when(assignments.departments())
                .thenReturn(List.of(
                        new Department("industry-it", "工业和信息化局", "city"),
                        new Department("transport", "交通运输局", "city")));
    }

    @Test
    void theInboxListsWhatToSignForWithTitlesFromTheAppealsApi() throws Exception {
        when(assignments.inbox("industry-it", "UNSIGNED")).thenReturn(List.of(assignment("DISPATCHED", 4)));
        when(assignments.inbox("industry-it", "IN_PROGRESS")).thenReturn(List.of());

        String page = mvc.perform(get("/official").with(official()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("待签收（1）").contains("产线用电增容").contains("重点企业").contains("工业和信息化局");
        assertThat(page).as("past its sign-for limit").contains("已超时");
    }

    @Test
    void theHoldingDepartmentsOfficialSeesTheSignForButtonOnTheAppealsPage() throws Exception {
        when(assignments.assignmentAtLeast(eq(ID), anyLong())).thenReturn(Optional.of(assignment("DISPATCHED", 4)));
        when(resolution.caseFileAtLeast(eq(ID), anyLong())).thenReturn(Optional.empty());

        String page = mvc.perform(get("/appeals/" + ID).with(official()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"sign-for-form\"").contains("id=\"return-form\"");
        assertThat(page).containsPattern("(?s)id=\"sign-for-form\">.*?name=\"version\" value=\"4\"");
        String otherOfficial = mvc.perform(
                        get("/appeals/" + ID).with(Users.user("official-transport", "OFFICIAL", null, "transport")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(otherOfficial)
                .as("another department's official gets no forms")
                .doesNotContain("sign-for-form");
    }

    @Test
    void signingForSendsTheVersionReadAndWaitsForTheCaseFile() throws Exception {
        when(assignments.signFor(ID, 4)).thenReturn(5L);

        mvc.perform(post("/official/appeals/" + ID + "/sign-for")
                        .with(official())
                        .with(csrf())
                        .param("version", "4"))
                .andExpect(redirectedUrl("/appeals/" + ID + "?av=5&cv=0"));
        verify(assignments).signFor(ID, 4);
    }

    @Test
    void aRefusedAnswerShowsItsErrorsNextToTheAnswerFields() throws Exception {
        when(assignments.assignmentAtLeast(eq(ID), anyLong())).thenReturn(Optional.of(assignment("SIGNED_FOR", 5)));
        when(resolution.caseFileAtLeast(eq(ID), anyLong())).thenReturn(Optional.of(openCaseFile()));
        when(resolution.answer(eq(ID), anyLong(), any(), any(), any(), any(), any()))
                .thenThrow(new ApiProblem(
                        "resolution",
                        400,
                        "invalid-request",
                        "",
                        List.of(
                                new ApiProblem.FieldProblem("answer", "must not be blank"),
                                new ApiProblem.FieldProblem("outcome", "must not be null"))));

        String page = mvc.perform(post("/official/appeals/" + ID + "/answer")
                        .with(official())
                        .with(csrf())
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).containsPattern("id=\"answer-text-error\">\\s*<span>请填写此项</span>");
        assertThat(page).containsPattern("id=\"answer-outcome-error\">\\s*<span>请填写此项</span>");
        assertThat(page).contains("<a href=\"#answer-text\">答复内容：请填写此项</a>");
    }

    @Test
    void aFileTheServiceRefusesIsShownBesideTheAnswersFileFieldByItsName() throws Exception {
        when(assignments.assignmentAtLeast(eq(ID), anyLong())).thenReturn(Optional.of(assignment("SIGNED_FOR", 5)));
        when(resolution.caseFileAtLeast(eq(ID), anyLong())).thenReturn(Optional.of(openCaseFile()));
        when(resolution.answer(eq(ID), anyLong(), any(), any(), any(), any(), any()))
                .thenThrow(new ApiProblem(
                        "resolution",
                        415,
                        "document-type-not-accepted",
                        "",
                        List.of(new ApiProblem.FieldProblem("files[0]", "is of type application/x-msdownload"))));

        String page = mvc.perform(multipart("/official/appeals/" + ID + "/answer")
                        .file(new MockMultipartFile("files", "批复.pdf", "application/pdf", new byte[] {'M', 'Z'}))
                        .with(official())
                        .with(csrf())
                        .param("version", "1")
                        .param("outcome", "SOLVED")
                        .param("text", "见附件"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("enctype=\"multipart/form-data\" data-upload");
        assertThat(page).containsPattern("id=\"answer-files-error\">\\s*<span>不接受这种文件（按内容识别）：批复.pdf");
    }

    @Test
    void theAppealsPageListsTheFilesOfficialsAttachedWithTheirStep() throws Exception {
        when(assignments.assignmentAtLeast(eq(ID), anyLong())).thenReturn(Optional.of(assignment("SIGNED_FOR", 5)));
        when(resolution.caseFileAtLeast(eq(ID), anyLong())).thenReturn(Optional.of(openCaseFile()));
        UUID document = UUID.randomUUID();
        when(resolution.documents(ID))
                .thenReturn(List.of(new CaseFileDocument(
                        document,
                        "内部协调.txt",
                        "text/plain",
                        2048,
                        "a".repeat(64),
                        "NOTE",
                        UUID.randomUUID(),
                        false,
                        "official",
                        Instant.now())));

        String page = mvc.perform(get("/appeals/" + ID).with(official()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("/appeals/" + ID + "/case-file/documents/" + document)
                .contains("内部协调.txt")
                .contains("随办理进展提交")
                .contains("id=\"note-files\"")
                .contains("id=\"extension-files\"");
    }

    @Test
    void aReopenedCaseFileShowsTheLastRoundsAnswerAsTheLastRounds() throws Exception {
        CaseFile open = openCaseFile();
        CaseFile reopened = new CaseFile(
                ID,
                "industry-it",
                "URGENT",
                2,
                "OPEN",
                FILED,
                open.firstContactDueAt(),
                null,
                open.resolutionDueAt(),
                false,
                null,
                null,
                false,
                false,
                "已协调供电公司增容",
                "RESOLVED",
                null,
                null,
                FILED.plusSeconds(3_600),
                true,
                null,
                null,
                null,
                null,
                null,
                7);
        when(assignments.assignmentAtLeast(eq(ID), anyLong())).thenReturn(Optional.of(assignment("SIGNED_FOR", 5)));
        when(resolution.caseFileAtLeast(eq(ID), anyLong())).thenReturn(Optional.of(reopened));

        String page = mvc.perform(get("/appeals/" + ID).with(official()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("上一轮（第 1 轮）的答复").contains("已协调供电公司增容");
        assertThat(page).doesNotContain("<h3>答复</h3>");
    }

    @Test
    void aTransferPicksTheDepartmentFromTheDirectory() throws Exception {
        when(assignments.transfer(ID, 5, "transport", "属于交通运输")).thenReturn(6L);

        mvc.perform(post("/official/appeals/" + ID + "/transfer")
                        .with(official())
                        .with(csrf())
                        .param("version", "5")
                        .param("departmentId", "transport")
                        .param("text", "属于交通运输"))
                .andExpect(redirectedUrl("/appeals/" + ID + "?av=6"));
    }

    static CaseFile openCaseFile() {
        return new CaseFile(
                ID,
                "industry-it",
                "URGENT",
                1,
                "OPEN",
                FILED,
                FILED.plusSeconds(86_400),
                null,
                FILED.plusSeconds(5 * 86_400),
                false,
                null,
                null,
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                1);
    }
}
