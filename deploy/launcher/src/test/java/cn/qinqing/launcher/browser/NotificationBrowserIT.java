package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.launcher.RunningService;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An enterprise is told in the portal: its appeal, routed automatically in another process, shows up as an unread
 * count in the header; the feed lists it, and opening it goes to the appeal and marks it read. On a phone, in Chinese.
 */
class NotificationBrowserIT {

    static final Duration EVENTS = Duration.ofSeconds(45);

    @Test
    void theHeaderCountsTheUnreadAndTheFeedOpensTheAppeal() {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("notifications"))
                .as("notifications is built and running")
                .isTrue();
        RunningService appeals = platform.platform().service("appeals");
        String base = appeals.baseUrl().toString();
        HttpApi api = new HttpApi(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        String token =
                new OidcLogin(platform.platform().issuer().toString()).userToken("enterprise-b", Browser.PASSWORD);
        String title = "通知测试：专线送电 " + UUID.randomUUID().toString().substring(0, 8);
        var filed = api.post("/api/appeals")
                .token(token)
                .body(Map.of(
                        "title", title,
                        "description", "10kV 专线已完工两个月仍未送电。",
                        "category", "POWER",
                        "urgency", "URGENT"))
                .send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String appeal = filed.json().get("id").asText();

        try (Browser enterprise = Browser.open(Look.CHINESE_PHONE, platform.portal(), "notification")) {
            enterprise.signIn("enterprise-b");
            enterprise.go("/notifications");
            // the automatic route reaches the notifications service a moment later
            enterprise.reloadUntil("您的诉求已派单：" + title, EVENTS);
            new WebDriverWait(enterprise.driver(), Duration.ofSeconds(10))
                    .until(driver -> !driver.findElements(By.cssSelector(".site-header .unread"))
                            .isEmpty());
            int unread = Integer.parseInt(enterprise
                    .find(By.cssSelector(".site-header .unread"))
                    .getText()
                    .trim());
            assertThat(unread).isPositive();
            enterprise.screenshot("feed");

            enterprise.click(By.xpath("//button[contains(., '" + title + "')]"));
            enterprise.waitForPath("/appeals/" + appeal);
            enterprise.sees(title);
            enterprise.go("/notifications");
            assertThat(enterprise.all(By.cssSelector("li.unread-entry")).stream()
                            .noneMatch(entry -> entry.getText().contains(title)))
                    .as("opened, so read")
                    .isTrue();
            if (unread == 1) {
                assertThat(enterprise.all(By.cssSelector(".site-header .unread")))
                        .isEmpty();
            }
        }
    }
}
