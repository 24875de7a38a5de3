package cn.qinqing.portal.notification;

import static cn.qinqing.portal.Users.enterpriseA;
import static cn.qinqing.portal.Users.official;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.ServiceUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notification settings show a refusal beside its field; the header's count never breaks a page. */
class NotificationPagesTest extends PortalTestBase {

    @Test
    void aRefusedAddressIsShownBesideTheEmailField() throws Exception {
        when(notifications.save(any()))
                .thenThrow(new ApiProblem(
                        "notifications",
                        400,
                        "invalid-request",
                        "",
                        List.of(new ApiProblem.FieldProblem(
                                "email", "must be an e-mail address such as name@example.gov.cn"))));

        String page = mvc.perform(post("/notifications/preferences")
                        .with(official())
                        .with(csrf())
                        .param("language", "zh-CN")
                        .param("email", "not-an-address")
                        .param("kinds[0].kind", "CASE_ARRIVED")
                        .param("kinds[0].feed", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"email-error\"").contains("value=\"not-an-address\"");
        assertThat(page).contains("新诉求待签收");
    }

    @Test
    void theHeaderCountIsEmptyWhenTheServiceDoesNotAnswer() throws Exception {
        when(notifications.unread()).thenThrow(new ServiceUnavailableException("notifications", "down", null));
        String badge = mvc.perform(get("/notifications/badge").with(enterpriseA()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(badge).doesNotContain("unread");

        doReturn(3L).when(notifications).unread();
        assertThat(mvc.perform(get("/notifications/badge").with(enterpriseA()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(">3</span>")
                .contains("3 条未读");
    }
}
