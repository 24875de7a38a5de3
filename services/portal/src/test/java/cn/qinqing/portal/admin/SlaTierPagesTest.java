package cn.qinqing.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import cn.qinqing.portal.Users;
import cn.qinqing.portal.service.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/** The SLA tiers page against a mocked API: what it shows, who may open it, refusals beside their fields. */
class SlaTierPagesTest extends PortalTestBase {

    static final Instant SET = Instant.parse("2026-12-01T02:00:00Z");
    static final String BASIS = "包头市优化营商环境工作领导小组办公室关于压缩物流类诉求办理时限的通知";

    static OidcLoginRequestPostProcessor admin() {
        return Users.user("admin", "ADMIN", null, null);
    }

    static SlaTiers.Setting setting(long version, int firstContact, int resolution, String from) {
        return new SlaTiers.Setting(
                "LOGISTICS", "NORMAL", version, firstContact, resolution, null, null, from, BASIS, "admin", SET);
    }

    @BeforeEach
    void tiers() {
        SlaTiers.Setting inForce = setting(0, 1, 10, "2026-12-01");
        SlaTiers.Setting later = setting(1, 1, 8, "2027-01-01");
        when(admin.slaTiers())
                .thenReturn(List.of(
                        new SlaTiers.Row("LOGISTICS", "NORMAL", 1, 10, 4, null, "TIER", inForce, later, 1, 15),
                        new SlaTiers.Row("POWER", "URGENT", 1, 5, null, null, "DEFAULT", null, null, 1, 5)));
        when(admin.slaTierHistory()).thenReturn(List.of(later, inForce));
    }

    @Test
    void thePageShowsTheLimitsInForceWhatIsScheduledAndEverySettingWithItsBasis() throws Exception {
        String page = mvc.perform(get("/admin/sla-tiers").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("办理时限档次")
                .contains("id=\"tier-LOGISTICS-NORMAL\"")
                .contains("10 个工作日")
                .contains("2027-01-01 起：首次联系 1 个、办结 8 个工作日")
                .contains("平台默认")
                .contains("4 小时")
                .contains("id=\"history\"")
                .contains(BASIS);
    }

    @Test
    void aRowsChangeLinkFillsTheFormWithTheLatestSettingAndItsVersion() throws Exception {
        String page = mvc.perform(get("/admin/sla-tiers")
                        .param("category", "LOGISTICS")
                        .param("urgency", "NORMAL")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("name=\"versionOf\" value=\"LOGISTICS/NORMAL\"")
                .contains("value=\"8\"");
    }

    @Test
    void aSettingIsSentAtTheVersionReadAndTheServicesRefusalIsShownBesideTheField() throws Exception {
        when(admin.setSlaTier(eq("LOGISTICS"), eq("NORMAL"), eq(1L), any()))
                .thenThrow(new ApiProblem(
                        "resolution",
                        400,
                        "invalid-request",
                        "invalid",
                        List.of(new ApiProblem.FieldProblem(
                                "resolutionDays",
                                "must not be shorter than the first-contact limit (3 working days)"))));

        String page = mvc.perform(post("/admin/sla-tiers")
                        .with(admin())
                        .with(csrf())
                        .param("category", "LOGISTICS")
                        .param("urgency", "NORMAL")
                        .param("firstContactDays", "3")
                        .param("resolutionDays", "2")
                        .param("effectiveFrom", "2027-01-01")
                        .param("basis", BASIS)
                        .param("version", "1")
                        .param("versionOf", "LOGISTICS/NORMAL"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"tier-resolutionDays-error\"").contains("aria-invalid=\"true\"");
        verify(admin)
                .setSlaTier(
                        "LOGISTICS",
                        "NORMAL",
                        1L,
                        Map.of(
                                "firstContactDays",
                                3,
                                "resolutionDays",
                                2,
                                "effectiveFrom",
                                "2027-01-01",
                                "basis",
                                BASIS));
    }

    @Test
    void aSettingOfAnotherTierNamesNoVersionAndGoesBackToThePage() throws Exception {
        when(admin.setSlaTier(eq("POWER"), eq("URGENT"), isNull(), any())).thenReturn(0L);

        mvc.perform(post("/admin/sla-tiers")
                        .with(admin())
                        .with(csrf())
                        .param("category", "POWER")
                        .param("urgency", "URGENT")
                        .param("firstContactDays", "1")
                        .param("resolutionDays", "3")
                        .param("effectiveFrom", "2027-01-01")
                        .param("basis", BASIS)
                        .param("version", "1")
                        .param("versionOf", "LOGISTICS/NORMAL"))
                .andExpect(redirectedUrl("/admin/sla-tiers"));
    }

    @Test
    void aLimitThatIsNotAWholeNumberIsRefusedBesideItsFieldWithoutAsking() throws Exception {
        String page = mvc.perform(post("/admin/sla-tiers")
                        .with(admin())
                        .with(csrf())
                        .param("category", "LOGISTICS")
                        .param("urgency", "")
                        .param("firstContactDays", "一")
                        .param("resolutionDays", "3")
                        .param("effectiveFrom", "2027-01-01")
                        .param("basis", BASIS))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"tier-firstContactDays-error\"").contains("id=\"tier-urgency-error\"");
        verify(admin, never()).setSlaTier(anyString(), anyString(), any(), any());
    }

    @Test
    void onlyAnAdminOpensThePage() throws Exception {
        for (OidcLoginRequestPostProcessor user : List.of(Users.supervisor(), Users.leader(), Users.official())) {
            mvc.perform(get("/admin/sla-tiers").with(user)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/sla-tiers").with(user).with(csrf()).param("category", "POWER"))
                    .andExpect(status().isForbidden());
        }
    }
}
