package cn.qinqing.portal.meeting;

import static cn.qinqing.portal.Users.ENTERPRISE_A;
import static cn.qinqing.portal.Users.enterpriseA;
import static cn.qinqing.portal.Users.leader;
import static cn.qinqing.portal.Users.official;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.assignment.Department;
import cn.qinqing.portal.service.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The host writes a meeting's agenda, minutes and action items, against a mocked meetings API. */
class MeetingProgrammePagesTest extends PortalTestBase {

    static final UUID ID = UUID.fromString("6f1c0c1e-0000-4000-8000-00000000000c");
    static final UUID TOPIC = UUID.fromString("6f1c0c1e-0000-4000-8000-0000000000aa");

    /** 2026-12-07 07:30–09:00 Beijing time. */
    static final Instant STARTS = Instant.parse("2026-12-06T23:30:00Z");

    static Meeting.View meeting(long version) {
        return new Meeting.View(
                ID,
                "leader",
                "光伏产业链",
                "市政府第一会议室",
                STARTS,
                STARTS.plusSeconds(90 * 60),
                30,
                List.of("industry-it"),
                STARTS.minusSeconds(86400),
                "SCHEDULED",
                version);
    }

    static final Meeting.Agenda AGENDA = new Meeting.Agenda(
            1,
            List.of(new Meeting.AgendaItem(1, "电池片项目用地", STARTS, STARTS.plusSeconds(1200), "natural-resources", TOPIC)),
            List.of());

    static Meeting.Minutes minutes(String status, List<Meeting.Correction> corrections) {
        return new Meeting.Minutes(
                status,
                new Meeting.Attendance(List.of(ENTERPRISE_A), List.of("natural-resources"), List.of()),
                List.of(new Meeting.MinutesItem(1, "企业介绍了用地需求。", List.of("自然资源局两周内提出供地方案", "工信局协调电力接入"))),
                STARTS,
                "PUBLISHED".equals(status) ? STARTS.plusSeconds(7200) : null,
                corrections);
    }

    @BeforeEach
    void aMeetingWithAnAcceptedTopic() {
        Meeting.Invitation invitation = new Meeting.Invitation(ID, ENTERPRISE_A, "包头青山光伏材料有限公司", "ACCEPTED", null);
        when(meetings.meeting(ID)).thenReturn(new Meeting.Details(meeting(7), List.of(invitation)));
        when(meetings.meetingAtLeast(eq(ID), anyLong()))
                .thenReturn(new Meeting.Details(meeting(7), List.of(invitation)));
        when(meetings.topics(ID))
                .thenReturn(List.of(new Meeting.Topic(
                        TOPIC, ID, ENTERPRISE_A, "电池片项目用地", "需要 200 亩", null, "ACCEPTED", null, STARTS)));
        when(assignments.departments())
                .thenReturn(List.of(
                        new Department("industry-it", "工业和信息化局", null),
                        new Department("natural-resources", "自然资源局", null)));
    }

    @Test
    void aFirstAgendaStartsFromTheAcceptedTopicsAndNamesDepartmentsInTheReadersLanguage() throws Exception {
        String page = page(get("/leader/meetings/" + ID + "/agenda?lang=en").with(leader()));

        assertThat(page)
                .contains("Publish the agenda")
                .contains("value=\"电池片项目用地\"")
                .contains("Natural Resources Bureau")
                .contains("for=\"agenda-items[0].startTime\"")
                .doesNotContain("id=\"agenda-reason\"");
    }

    @Test
    void theAgendaIsSentInOrderOnTheMeetingsDayLeavingEmptyRowsOut() throws Exception {
        when(meetings.setAgenda(eq(ID), eq(7L), any(), any())).thenReturn(8L);

        mvc.perform(post("/leader/meetings/" + ID + "/agenda")
                        .with(leader())
                        .with(csrf())
                        .param("version", "7")
                        .param("items[0].title", "电池片项目用地")
                        .param("items[0].startTime", "07:30")
                        .param("items[0].endTime", "07:50")
                        .param("items[0].departmentId", "natural-resources")
                        .param("items[0].topicId", TOPIC.toString())
                        .param("items[1].title", "")
                        .param("items[1].departmentId", "")
                        .param("items[2].title", "电力接入")
                        .param("items[2].startTime", "07:50")
                        .param("items[2].endTime", "08:10")
                        .param("items[2].departmentId", "industry-it"))
                .andExpect(redirectedUrl("/leader/meetings/" + ID + "?v=8"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Map<String, Object>>> items = ArgumentCaptor.forClass(List.class);
        verify(meetings).setAgenda(eq(ID), eq(7L), items.capture(), any());
        assertThat(items.getValue()).hasSize(2);
        assertThat(items.getValue().get(0))
                .containsEntry("startsAt", STARTS)
                .containsEntry("endsAt", Instant.parse("2026-12-06T23:50:00Z"))
                .containsEntry("departmentId", "natural-resources")
                .containsEntry("topicId", TOPIC);
        assertThat(items.getValue().get(1))
                .containsEntry("title", "电力接入")
                .containsEntry("startsAt", Instant.parse("2026-12-06T23:50:00Z"));
    }

    @Test
    void theApisRefusalsLandOnTheRowsTheLeaderTypedThemIn() throws Exception {
        when(meetings.setAgenda(eq(ID), eq(7L), any(), any()))
                .thenThrow(new ApiProblem(
                        "meetings",
                        400,
                        "invalid-request",
                        "",
                        List.of(
                                new ApiProblem.FieldProblem("items[1].title", "must not be blank"),
                                new ApiProblem.FieldProblem("items[1].startsAt", "must not be null"))));

        String page = page(post("/leader/meetings/" + ID + "/agenda")
                .with(leader())
                .with(csrf())
                .param("version", "7")
                .param("items[0].title", "电池片项目用地")
                .param("items[0].startTime", "07:30")
                .param("items[0].endTime", "07:50")
                .param("items[0].departmentId", "natural-resources")
                .param("items[1].title", "")
                .param("items[2].departmentId", "industry-it"));

        // the API's second item is the form's third row: the empty second row was not sent
        assertThat(page)
                .containsPattern("id=\"agenda-items\\[2\\]\\.title-error\">\\s*<span>请填写此项</span>")
                .containsPattern("id=\"agenda-items\\[2\\]\\.startTime-error\">\\s*<span>请填写此项</span>")
                .doesNotContain("id=\"agenda-items[0].title-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"电池片项目用地\"");
    }

    @Test
    void aChangeOfThePublishedAgendaAsksForItsReasonInTheReadersLanguage() throws Exception {
        when(meetings.agenda(ID)).thenReturn(AGENDA);
        when(meetings.setAgenda(eq(ID), eq(7L), any(), any()))
                .thenThrow(new ApiProblem(
                        "meetings",
                        409,
                        "agenda-change-reason-required",
                        "The agenda was published: say why it changes (reason), everyone will see it.",
                        List.of()));

        String page = page(post("/leader/meetings/" + ID + "/agenda?lang=en")
                .with(leader())
                .with(csrf())
                .param("version", "7")
                .param("items[0].title", "电池片项目用地")
                .param("items[0].startTime", "07:40")
                .param("items[0].endTime", "08:00")
                .param("items[0].departmentId", "natural-resources"));

        assertThat(page)
                .contains("Change the agenda")
                .containsPattern(
                        "id=\"agenda-reason-error\">\\s*<span>The agenda is published: give the reason for the change.</span>");
    }

    @Test
    void theMinutesAreDraftedWithAttendanceAndOneDecisionPerLine() throws Exception {
        when(meetings.agenda(ID)).thenReturn(AGENDA);
        when(meetings.draftMinutes(eq(ID), eq(7L), any(), any())).thenReturn(8L);

        mvc.perform(post("/leader/meetings/" + ID + "/minutes")
                        .with(leader())
                        .with(csrf())
                        .param("version", "7")
                        .param("enterpriseIds", ENTERPRISE_A)
                        .param("departments", "natural-resources，industry-it")
                        .param("leaders", "")
                        .param("items[0].agendaPosition", "1")
                        .param("items[0].title", "电池片项目用地")
                        .param("items[0].summary", "企业介绍了用地需求。")
                        .param("items[0].decisions", "自然资源局两周内提出供地方案\r\n\r\n工信局协调电力接入\r\n"))
                .andExpect(redirectedUrl("/leader/meetings/" + ID + "?v=8#minutes-heading"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(meetings).draftMinutes(eq(ID), eq(7L), body.capture(), any());
        assertThat(body.getValue())
                .containsEntry(
                        "attendance",
                        Map.of(
                                "enterpriseIds", List.of(ENTERPRISE_A),
                                "departmentIds", List.of("natural-resources", "industry-it"),
                                "leaderIds", List.of()))
                .containsEntry(
                        "items",
                        List.of(Map.of(
                                "agendaPosition",
                                1,
                                "summary",
                                "企业介绍了用地需求。",
                                "decisions",
                                List.of("自然资源局两周内提出供地方案", "工信局协调电力接入"))))
                .doesNotContainKey("reason");
        verify(meetings, never()).correctMinutes(any(), anyLong(), any(), any());
    }

    @Test
    void publishedMinutesChangeOnlyByACorrectionWhoseReasonIsAskedForNextToItsField() throws Exception {
        when(meetings.agenda(ID)).thenReturn(AGENDA);
        when(meetings.minutes(ID)).thenReturn(minutes("PUBLISHED", List.of()));
        when(meetings.correctMinutes(eq(ID), eq(7L), any(), any()))
                .thenThrow(new ApiProblem(
                        "meetings",
                        400,
                        "invalid-request",
                        "",
                        List.of(new ApiProblem.FieldProblem("reason", "must not be blank"))));

        String page = page(post("/leader/meetings/" + ID + "/minutes")
                .with(leader())
                .with(csrf())
                .param("version", "7")
                .param("items[0].agendaPosition", "1")
                .param("items[0].summary", "企业介绍了用地需求。")
                .param("reason", ""));

        assertThat(page)
                .contains("更正纪要")
                .containsPattern("id=\"minutes-reason-error\">\\s*<span>请填写此项</span>")
                .contains("href=\"#minutes-reason\"");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(meetings).correctMinutes(eq(ID), eq(7L), body.capture(), any());
        assertThat(body.getValue()).containsEntry("reason", "");
        verify(meetings, never()).draftMinutes(any(), anyLong(), any(), any());
    }

    @Test
    void publishingTheMinutesSendsTheVersionTheLeaderRead() throws Exception {
        when(meetings.publishMinutes(ID, 9)).thenReturn(10L);

        mvc.perform(post("/leader/meetings/" + ID + "/minutes/publication")
                        .with(leader())
                        .with(csrf())
                        .param("version", "9"))
                .andExpect(redirectedUrl("/leader/meetings/" + ID + "?v=10#minutes-heading"));
    }

    @Test
    void anActionItemFormStartsFromTheDecisionItsAgendaItemAndTopic() throws Exception {
        when(meetings.agenda(ID)).thenReturn(AGENDA);
        when(meetings.minutes(ID)).thenReturn(minutes("PUBLISHED", List.of()));

        String page = page(
                get("/leader/meetings/" + ID + "/action-items/new?decision=1.2").with(leader()));

        assertThat(page)
                .contains("value=\"工信局协调电力接入\"")
                .containsPattern("<option value=\"1.2\"\\s+selected=\"selected\">1.2 工信局协调电力接入</option>")
                .containsPattern(
                        "<option value=\"" + ENTERPRISE_A + "\"\\s+selected=\"selected\">包头青山光伏材料有限公司</option>")
                .containsPattern("<option value=\"natural-resources\"\\s+selected=\"selected\">自然资源局</option>")
                .contains("id=\"action-responsibleLeaderId\"")
                .contains("value=\"leader\"");
    }

    @Test
    void anActionItemIsRaisedFromTheChosenDecisionWithItsIdempotencyKey() throws Exception {
        when(meetings.raiseActionItem(eq(ID), any(), eq("key-1"))).thenReturn(12L);

        mvc.perform(post("/leader/meetings/" + ID + "/action-items/new")
                        .with(leader())
                        .with(csrf())
                        .param("key", "key-1")
                        .param("decisionRef", "1.2")
                        .param("enterpriseId", ENTERPRISE_A)
                        .param("ownerDepartmentId", "industry-it")
                        .param("responsibleLeaderId", "leader")
                        .param("dueOn", "2026-12-31")
                        .param("title", "协调电力接入")
                        .param("description", "工信局协调供电公司完成电力接入。")
                        .param("category", "POWER")
                        .param("urgency", "URGENT"))
                .andExpect(redirectedUrl("/leader/meetings/" + ID + "?v=12#items-heading"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(meetings).raiseActionItem(eq(ID), body.capture(), eq("key-1"));
        assertThat(body.getValue())
                .containsEntry("agendaPosition", 1)
                .containsEntry("decision", 2)
                .containsEntry("ownerDepartmentId", "industry-it")
                .containsEntry("responsibleLeaderId", "leader")
                .containsEntry("dueOn", LocalDate.of(2026, 12, 31))
                .containsEntry("category", "POWER");
    }

    @Test
    void anActionItemsRefusalsAreShownNextToTheirFieldsInBothLanguages() throws Exception {
        when(meetings.minutes(ID)).thenReturn(minutes("PUBLISHED", List.of()));
        when(meetings.raiseActionItem(eq(ID), any(), anyString()))
                .thenThrow(new ApiProblem(
                        "meetings",
                        400,
                        "invalid-request",
                        "",
                        List.of(
                                new ApiProblem.FieldProblem("dueOn", "must give the due date"),
                                new ApiProblem.FieldProblem("agendaPosition", "must not be null"),
                                new ApiProblem.FieldProblem("title", "must not be blank"))))
                .thenThrow(new ApiProblem(
                        "meetings",
                        409,
                        "enterprise-not-invited",
                        "An action item concerns one of the enterprises invited to the meeting.",
                        List.of()));

        String chinese = page(post("/leader/meetings/" + ID + "/action-items/new")
                .with(leader())
                .with(csrf())
                .param("key", "key-2"));
        assertThat(chinese)
                .containsPattern("id=\"action-decisionRef-error\">\\s*<span>请填写此项</span>")
                .containsPattern("id=\"action-title-error\">\\s*<span>请填写此项</span>")
                .contains("id=\"action-dueOn-error\"")
                .contains("事项名称：请填写此项")
                .contains("value=\"key-2\"");

        String english = page(post("/leader/meetings/" + ID + "/action-items/new?lang=en")
                .with(leader())
                .with(csrf())
                .param("key", "key-2")
                .param("decisionRef", "1.1")
                .param("enterpriseId", "91150200MA0QB0002M"));
        assertThat(english)
                .containsPattern(
                        "id=\"action-enterpriseId-error\">\\s*<span>Choose an enterprise invited to this meeting.</span>");
    }

    @Test
    void theMeetingPageShowsTheMinutesTheirCorrectionsAndTheFollowUpRate() throws Exception {
        when(meetings.agenda(ID)).thenReturn(AGENDA);
        when(meetings.minutes(ID))
                .thenReturn(minutes(
                        "PUBLISHED",
                        List.of(new Meeting.Correction(1, null, List.of(), "补记出席企业", STARTS.plusSeconds(10000)))));
        Meeting.ActionItem late = new Meeting.ActionItem(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                1,
                ENTERPRISE_A,
                "natural-resources",
                "leader",
                LocalDate.of(2026, 12, 10),
                "提出供地方案",
                "SIGNED_FOR",
                "natural-resources",
                false,
                true,
                null);
        Meeting.ActionItem done = new Meeting.ActionItem(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                2,
                ENTERPRISE_A,
                "industry-it",
                "leader",
                LocalDate.of(2026, 12, 10),
                "协调电力增容",
                "CLOSED",
                "industry-it",
                false,
                false,
                true);
        when(meetings.actionItems(ID)).thenReturn(List.of(late, done));
        when(meetings.followUp(ID)).thenReturn(new Meeting.FollowUp("SCHEDULED", 2, 1, 1, 0.5, List.of(late)));

        String page = page(get("/leader/meetings/" + ID + "?lang=en").with(leader()));

        assertThat(page)
                .contains("Published")
                .contains("自然资源局两周内提出供地方案")
                .contains("/leader/meetings/" + ID + "/action-items/new?decision=1.2")
                .contains("Correction 1")
                .contains("补记出席企业")
                .contains("Follow-up rate 50%: closed 1 of 2, overdue 1.")
                .contains("In progress")
                .contains("Overdue")
                .contains("Closed on time")
                .doesNotContain("Closed late")
                .contains("包头青山光伏材料有限公司")
                .doesNotContain("publish-minutes-form");
    }

    @Test
    void onlyLeadersOpenTheseFormsAndNothingIsCalledForOthers() throws Exception {
        for (var user : List.of(enterpriseA(), official())) {
            mvc.perform(get("/leader/meetings/" + ID + "/agenda").with(user)).andExpect(status().isForbidden());
            mvc.perform(post("/leader/meetings/" + ID + "/minutes")
                            .with(user)
                            .with(csrf())
                            .param("version", "7"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/leader/meetings/" + ID + "/action-items/new")
                            .with(user)
                            .with(csrf())
                            .param("decisionRef", "1.1"))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(meetings);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsCalled() throws Exception {
        mvc.perform(post("/leader/meetings/" + ID + "/minutes/publication")
                        .with(leader())
                        .param("version", "7"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(meetings);
    }

    @Test
    void aLeaderWhoDoesNotHostTheMeetingIsToldSoAndNothingChanges() throws Exception {
        when(meetings.setAgenda(eq(ID), anyLong(), any(), any()))
                .thenThrow(new ApiProblem("meetings", 403, "not-the-host", "leader hosts this meeting", List.of()));

        mvc.perform(post("/leader/meetings/" + ID + "/agenda")
                        .with(cn.qinqing.portal.Users.user("head-industry-it", "LEADER", null, "industry-it"))
                        .with(csrf())
                        .param("version", "7")
                        .param("items[0].title", "电力接入"))
                .andExpect(status().isForbidden());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
