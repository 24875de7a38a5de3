package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * An administrator sets an SLA tier on the real platform (ADR 0016): the answer shorter than first contact and a
 * missing basis refused beside their fields first, then the tier set (with its own dispatch limit), shown as
 * scheduled in the table and in the history with its actor and basis. In Chinese on a desktop and in English on a phone.
 *
 * <p>The tier takes effect on 1 January 2099, so the platform the other browser tests share counts every due date as
 * before.
 */
class SlaTierBrowserIT {

    static List<Look> looks() {
        return Look.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looks")
    void anAdministratorSetsATierForACategoryAndUrgencyWithItsBasis(Look look) {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("resolution"))
                .as("resolution is built and running")
                .isTrue();
        String urgency = look.english() ? "EMERGENCY" : "URGENT";
        String basis = "包头市营商环境局关于压缩物流类诉求办理时限的通知（浏览器测试 " + look + "）";

        try (Browser admin = Browser.open(look, platform.portal(), "sla-tiers")) {
            admin.signIn("admin");
            admin.go("/admin/sla-tiers");
            admin.sees(look.text("办理时限档次", "SLA tiers"));
            String row = "tier-LOGISTICS-" + urgency;
            assertThat(admin.find(By.id(row)).getText()).contains(look.text("平台默认", "Platform default"));

            // the answer due before first contact, and no basis: refused beside both fields, nothing set
            admin.click(By.cssSelector("#" + row + " a"));
            admin.find(By.id("tier-form"));
            assertThat(admin.find(By.id("tier-category")).getAttribute("value")).isEqualTo("LOGISTICS");
            admin.type(By.id("tier-firstContactDays"), "3");
            admin.type(By.id("tier-resolutionDays"), "2");
            admin.setValue(By.id("tier-effectiveFrom"), "2099-01-01");
            admin.click(By.cssSelector("#tier-form button[type=submit]"));
            assertThat(admin.find(By.id("tier-resolutionDays-error")).getText()).isNotBlank();
            assertThat(admin.find(By.id("tier-basis-error")).getText()).isNotBlank();
            assertThat(admin.find(By.id("tier-resolutionDays")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            admin.screenshot("refused");
            assertThat(admin.mainText()).doesNotContain(basis);

            // corrected: set, scheduled from 2099, in the history with who and why
            admin.type(By.id("tier-resolutionDays"), "8");
            admin.type(By.id("tier-dispatchHours"), "6");
            admin.type(By.id("tier-basis"), basis);
            admin.setValue(By.id("tier-effectiveFrom"), "2099-01-01");
            admin.click(By.cssSelector("#tier-form button[type=submit]"));
            admin.sees(look.text("档次已设定", "The tier was set"));
            assertThat(admin.find(By.id(row)).getText())
                    .contains("2099-01-01")
                    .contains(look.text("平台默认", "Platform default"));
            String history = admin.find(By.id("history")).getText();
            assertThat(history)
                    .contains(basis)
                    .contains("admin")
                    .contains("2099-01-01")
                    .contains(look.text("派单 6 小时", "dispatch 6 h"));
            admin.screenshot("set");
        }
    }
}
