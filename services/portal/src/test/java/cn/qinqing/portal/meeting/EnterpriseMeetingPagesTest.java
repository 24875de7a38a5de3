package cn.qinqing.portal.meeting;

import static cn.qinqing.portal.Users.ENTERPRISE_A;
import static cn.qinqing.portal.Users.enterpriseA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.appeal.AppealsApi;
import cn.qinqing.portal.service.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An enterprise's breakfast-meeting pages against a mocked meetings API. */
class EnterpriseMeetingPagesTest extends PortalTestBase {

    static final UUID ID = UUID.fromString("6f1c0c1e-0000-4000-8000-00000000000a");

    static Meeting.View meeting(long version) {
        Instant now = Instant.now();
        return new Meeting.View(
                ID,
                "leader",
                "光伏产业链：硅片与电池片",
                "市政府第一会议室",
                now.plusSeconds(7 * 86_400),
                now.plusSeconds(7 * 86_400 + 5400),
                30,
                List.of("industry-it"),
                now.plusSeconds(5 * 86_400),
                "SCHEDULED",
                version);
    }

    @BeforeEach
    void apis() {
        Meeting.Invitation invited = new Meeting.Invitation(ID, ENTERPRISE_A, "包头青山光伏材料有限公司", "INVITED", null);
        when(meetings.myInvitations()).thenReturn(List.of(invited));
        when(meetings.meeting(ID)).thenReturn(new Meeting.Details(meeting(3), List.of(invited)));
        when(meetings.meetingAtLeast(eq(ID), anyLong())).thenReturn(new Meeting.Details(meeting(3), List.of(invited)));
        when(meetings.topics(ID)).thenReturn(List.of());
        when(appeals.list(any(), any(), anyInt())).thenReturn(new AppealsApi.Page(List.of(), null));
    }

    @Test
    void anInvitedEnterpriseSeesTheMeetingAndMayAcceptIt() throws Exception {
        String list = mvc.perform(get("/enterprise/meetings").with(enterpriseA()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("光伏产业链：硅片与电池片").contains("已邀请，待回复");

        String page = mvc.perform(get("/enterprise/meetings/" + ID).with(enterpriseA()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"accept-form\"").contains("id=\"topic-form\"");

        when(meetings.accept(ID, ENTERPRISE_A, 3)).thenReturn(4L);
        mvc.perform(post("/enterprise/meetings/" + ID + "/acceptance")
                        .with(enterpriseA())
                        .with(csrf())
                        .param("version", "3"))
                .andExpect(redirectedUrl("/enterprise/meetings/" + ID + "?v=4"));
    }

    @Test
    void aTopicAfterTheCutOffIsRefusedWithTheServicesReason() throws Exception {
        when(meetings.propose(eq(ID), any(), any(), any(), anyString()))
                .thenThrow(new ApiProblem(
                        "meetings", 409, "topic-cut-off-passed", "Topics for this meeting closed at …", List.of()));

        String page = mvc.perform(post("/enterprise/meetings/" + ID + "/topics")
                        .with(enterpriseA())
                        .with(csrf())
                        .param("title", "电价政策")
                        .param("text", "希望了解电价政策"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Topics for this meeting closed at").contains("value=\"电价政策\"");
    }
}
