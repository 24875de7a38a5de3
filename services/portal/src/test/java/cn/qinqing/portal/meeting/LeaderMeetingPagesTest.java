package cn.qinqing.portal.meeting;

import static cn.qinqing.portal.Users.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.service.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** A leader schedules a breakfast meeting and decides a topic, against a mocked meetings API. */
class LeaderMeetingPagesTest extends PortalTestBase {

    static final UUID ID = UUID.fromString("6f1c0c1e-0000-4000-8000-00000000000b");

    @Test
    void schedulingSendsBeijingTimesAndShowsTheApisRefusalsNextToTheFields() throws Exception {
        when(meetings.schedule(any(), anyString()))
                .thenThrow(new ApiProblem(
                        "meetings",
                        400,
                        "invalid-request",
                        "",
                        List.of(
                                new ApiProblem.FieldProblem("startsAt", "must lie in the future"),
                                new ApiProblem.FieldProblem("theme", "must not be blank"))));

        String page = mvc.perform(post("/leader/meetings/new")
                        .with(leader())
                        .with(csrf())
                        .param("venue", "市政府第一会议室")
                        .param("date", "2020-01-06")
                        .param("startTime", "07:30")
                        .param("endTime", "09:00")
                        .param("capacity", "30")
                        .param("departments", "industry-it, natural-resources")
                        .param("cutOffDate", "2020-01-03"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("id=\"theme-error\">\\s*<span>请填写此项</span>");
        assertThat(page).contains("id=\"startTime-error\"").contains("须为将来的时间");

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> request = ArgumentCaptor.forClass(Map.class);
        verify(meetings).schedule(request.capture(), anyString());
        assertThat(request.getValue())
                .containsEntry("startsAt", Instant.parse("2020-01-05T23:30:00Z"))
                .containsEntry("topicCutOffAt", Instant.parse("2020-01-03T10:00:00Z"))
                .containsEntry("departmentIds", List.of("industry-it", "natural-resources"));
    }

    @Test
    void aTopicIsPutOnTheAgendaWithTheVersionRead() throws Exception {
        UUID topic = UUID.randomUUID();
        when(meetings.acceptTopic(ID, topic, 5)).thenReturn(6L);

        mvc.perform(post("/leader/meetings/" + ID + "/topics/" + topic)
                        .with(leader())
                        .with(csrf())
                        .param("version", "5")
                        .param("decision", "ACCEPT"))
                .andExpect(redirectedUrl("/leader/meetings/" + ID + "?v=6"));
        verify(meetings).acceptTopic(eq(ID), eq(topic), anyLong());
    }
}
