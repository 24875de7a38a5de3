package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 22 in the portal: an official opens an enterprise's appeal; the supervisor slides the appeal's timeline back to
 * its first step, looks at it through the enterprise's eyes, and sees that the official looked at the case. In Chinese
 * on a phone, the smaller of the two.
 */
class WhoSawWhatBrowserIT {

    static final Duration EVENTS = Duration.ofSeconds(45);

    @Test
    void aSupervisorLooksBackThroughTheEnterprisesEyesAndSeesWhoLookedAtTheCase() {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("assignment") && platform.runs("oversight"))
                .as("assignment and oversight are built and running")
                .isTrue();
        Look look = Look.CHINESE_PHONE;
        String title = "谁看过：配电房扩容（" + System.nanoTime() + "）";
        String appealPath;

        try (Browser enterprise = Browser.open(look, platform.portal(), "who-saw-1-enterprise")) {
            enterprise.signIn("enterprise-a");
            enterprise.go("/enterprise/appeals/new");
            enterprise.type(By.id("title"), title);
            enterprise.choose(By.id("category"), "POWER");
            enterprise.choose(By.id("urgency"), "NORMAL");
            enterprise.type(By.id("description"), "配电房需扩容 2 MVA，请协调。");
            enterprise.click(By.cssSelector("#appeal-form button[type=submit]"));
            enterprise.waitForPath("/appeals/[0-9a-f-]{36}");
            appealPath = enterprise.path();
        }

        try (Browser official = Browser.open(look, platform.portal(), "who-saw-2-official")) {
            official.signIn("official");
            official.waitForPath("/official");
            official.reloadUntil(title, EVENTS);
            official.click(By.linkText(title));
            official.sees(title);
        }

        try (Browser supervisor = Browser.open(look, platform.portal(), "who-saw-3-supervisor")) {
            supervisor.signIn("supervisor");
            supervisor.waitForPath("/supervisor");
            String timeline = "/supervisor/appeals" + appealPath.substring("/appeals".length());
            supervisor.go(timeline);
            supervisor.reloadUntil("official", EVENTS);
            assertThat(supervisor.find(By.id("read-log")).getText())
                    .contains("official")
                    .contains("诉求详情");

            supervisor.setValue(By.id("step"), "1");
            supervisor.click(By.cssSelector("#lens-slider button[type=submit]"));
            supervisor.sees("显示截至");
            assertThat(supervisor.all(By.cssSelector("#oversight-timeline li"))).hasSize(1);

            supervisor.choose(By.id("viewer"), "ENTERPRISE");
            supervisor.click(By.cssSelector("#lens-form button[type=submit]"));
            supervisor.sees("以企业当时的视角");
            supervisor.screenshot("as-seen");

            supervisor.choose(By.id("viewer"), "OFFICIAL");
            supervisor.click(By.cssSelector("#lens-form button[type=submit]"));
            assertThat(supervisor.find(By.id("department-error")).getText()).isNotBlank();
            supervisor.screenshot("department-required");

            supervisor.click(By.linkText("official"));
            supervisor.waitForPath("/supervisor/read-log");
            assertThat(supervisor.find(By.id("read-log")).getText()).contains("诉求详情");
        }
    }
}
