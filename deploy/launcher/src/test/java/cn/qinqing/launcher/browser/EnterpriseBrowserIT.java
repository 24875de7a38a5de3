package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An enterprise user's main path, from sign-in to a filed appeal on its own page, in Chinese and English, on a desktop
 * and a phone: what a new user of the city's portal would try first.
 */
class EnterpriseBrowserIT {

    static List<Look> looks() {
        return Look.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looks")
    void anEnterpriseSignsInFilesAnAppealFixingWhatTheFormSaysAndFollowsIt(Look look) {
        BrowserPlatform platform = BrowserPlatform.get();
        try (Browser browser = Browser.open(look, platform.portal(), "enterprise")) {
            browser.go("/?lang=" + look.language())
                    .sees(look.text("企业诉求，件件有回音", "Every enterprise appeal gets an answer"));
            browser.screenshot("1-start");

            browser.signIn("enterprise-a");
            browser.waitForPath("/enterprise");
            browser.sees("包头青山光伏材料有限公司");
            browser.screenshot("2-home");

            browser.click(By.id("file-appeal"));
            browser.waitForPath("/enterprise/appeals/new");
            browser.find(By.id("title"));
            browser.screenshot("3-form");

            // sent empty: the service refuses, and each field says what is missing, in the reader's language
            browser.click(By.cssSelector("#appeal-form button[type=submit]"));
            WebElement summary = browser.find(By.cssSelector(".error-summary"));
            assertThat(summary.getText()).contains(look.text("请检查以下内容", "Please check the following"));
            assertThat(browser.find(By.id("title-error")).getText())
                    .isEqualTo(look.text("请填写此项", "Please fill this in"));
            assertThat(browser.find(By.id("category-error")).getText())
                    .isEqualTo(look.text("请填写此项", "Please fill this in"));
            assertThat(browser.find(By.id("title")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.find(By.id("title")).getAttribute("aria-describedby"))
                    .contains("title-error");
            browser.screenshot("4-errors");

            String title = look.text("新建光伏组件产线用电增容（", "More power for a new module line (") + look + ")";
            browser.type(By.id("title"), title);
            browser.choose(By.id("category"), "POWER");
            browser.choose(By.id("urgency"), "URGENT");
            browser.type(
                    By.id("description"),
                    look.text(
                            "我公司新建光伏组件产线，需要将用电容量增加 2000 千伏安，请协调供电公司尽快勘查。",
                            "Our new module line needs 2,000 kVA more; please ask the grid company to survey the site."));
            browser.click(By.cssSelector("#appeal-form button[type=submit]"));

            browser.waitForPath("/appeals/[0-9a-f-]{36}");
            browser.sees(title);
            assertThat(browser.find(By.cssSelector(".notice")).getText())
                    .contains(look.text("诉求已提交", "Your appeal was filed"));
            assertThat(browser.find(By.cssSelector(".timeline")).getText()).contains(look.text("提交诉求", "Appeal filed"));
            assertThat(browser.find(By.cssSelector(".title-row .status")).getText())
                    .isIn(look.text("已提交", "Filed"), look.text("已派单", "Dispatched"));
            browser.screenshot("5-filed");

            browser.go("/enterprise/appeals");
            browser.sees(title);
            browser.screenshot("6-my-appeals");
        }
    }

    @Test
    void anEnterpriseUserWhoOpensAnotherRolesPageIsToldPlainlyInTheirLanguage() {
        BrowserPlatform platform = BrowserPlatform.get();
        for (Look look : Look.both()) {
            try (Browser browser = Browser.open(look, platform.portal(), "enterprise-forbidden")) {
                browser.signIn("enterprise-a");
                browser.go("/official");
                browser.sees(look.text("无权访问", "Not allowed"));
                browser.screenshot("forbidden");
            }
        }
    }

    /**
     * Opened as http://127.0.0.1 instead of http://localhost (the same server): the portal sends the person to its one
     * address first, where the provider knows its redirect and the session cookie lives, and sign-in works.
     */
    @Test
    void aPersonWhoOpensThePortalAtTheLoopbackAddressSignsInAtThePortalsOneAddress() {
        BrowserPlatform platform = BrowserPlatform.get();
        URI loopback = URI.create("http://127.0.0.1:" + platform.portal().getPort());
        try (Browser browser = Browser.open(Look.CHINESE_DESKTOP, loopback, "enterprise-loopback")) {
            browser.go("/enterprise?lang=zh-CN");
            browser.find(By.id("username")).sendKeys("enterprise-a");
            browser.find(By.id("password")).sendKeys(Browser.PASSWORD);
            browser.find(By.id("password")).submit();
            browser.waitForPath("/enterprise");
            browser.sees("包头青山光伏材料有限公司");
            assertThat(browser.driver().getCurrentUrl()).startsWith(platform.portal() + "/enterprise");
            browser.screenshot("signed-in");
        }
    }
}
