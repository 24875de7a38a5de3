package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Markets and orders (issue 23 part 2), end to end in Chinese on a desktop: enterprise A posts a need (a negative
 * quantity refused beside its field) and publishes it; enterprise B publishes an offer; the dispatcher reads A's
 * candidates with the parts of each score and proposes B's offer; each enterprise sees the other only as "an
 * enterprise in its district at its link" until both consented, then by name; the dispatcher records the contract (an
 * amount of zero refused beside its field); the supervisor's figures count it. The demo's own match (a wafer maker's
 * polysilicon, signed) is on the figures too.
 */
class MarketBrowserIT {

    static final Duration EVENTS = Duration.ofSeconds(60);
    static final String NAME_A = "包头青山光伏材料有限公司";
    static final String NAME_B = "包头稀土高新硅业有限公司";

    @Test
    void anEnterprisesNeedIsBrokeredIntroducedWithConsentAndSigned() {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("projects"))
                .as("projects is built and running")
                .isTrue();
        Look look = Look.CHINESE_DESKTOP;
        String tag = "MK" + ThreadLocalRandom.current().nextInt(100000, 999999);
        String needProduct = "N型单晶硅棒 " + tag;
        String offerProduct = "N型单晶硅棒 拉晶 " + tag;
        String matchPath;

        try (Browser a = Browser.open(look, platform.portal(), "market-1-enterprise-a")) {
            a.signIn("enterprise-a");
            a.go("/markets");
            a.sees("找市场、找订单");
            post(a, "NEED", "SUPPLY", needProduct, "-5");
            assertThat(a.find(By.id("post-amount-error")).getText()).isNotBlank();
            a.type(By.id("post-amount"), "500");
            a.click(By.cssSelector("#post-form button[type=submit]"));
            a.sees("草稿已保存");
            a.click(By.xpath("//li[contains(., '" + tag + "')]//button[contains(@class,'publish')]"));
            a.sees("已发布，市里会为您撮合对接");
            a.screenshot("need-published");
        }

        try (Browser b = Browser.open(look, platform.portal(), "market-2-enterprise-b")) {
            b.signIn("enterprise-b");
            b.go("/markets");
            post(b, "OFFER", "", offerProduct, "2000");
            b.sees("草稿已保存");
            b.click(By.xpath("//li[contains(., '" + tag + "')]//button[contains(@class,'publish')]"));
            b.sees("已发布，市里会为您撮合对接");
        }

        try (Browser dispatcher = Browser.open(look, platform.portal(), "market-3-dispatcher")) {
            dispatcher.signIn("dispatcher");
            dispatcher.go("/markets/broker");
            dispatcher.reloadUntil(needProduct, EVENTS);
            dispatcher.click(By.linkText(needProduct));
            dispatcher.waitForPath("/markets/broker/posts/[0-9a-f-]{36}");
            dispatcher.reloadUntil(offerProduct, EVENTS);
            dispatcher.sees("产业链环节 +50 · same link: MONOCRYSTALLINE");
            dispatcher.screenshot("candidates");
            dispatcher.click(By.xpath("//li[contains(@class,'candidate')][contains(., '" + offerProduct
                    + "')]//button[contains(@class,'propose')]"));
            dispatcher.waitForPath("/markets/broker/matches/[0-9a-f-]{36}");
            dispatcher.sees("已提出对接");
            matchPath = dispatcher.path();
        }

        try (Browser a = Browser.open(look, platform.portal(), "market-4-enterprise-a-consents")) {
            a.signIn("enterprise-a");
            a.go("/markets");
            a.reloadUntil(offerProduct, EVENTS);
            String match = "//li[contains(., '" + offerProduct + "')]";
            assertThat(a.find(By.xpath(match)).getText())
                    .as("before both consented, B is only its district and link")
                    .contains("稀土高新区一家单晶硅环节企业")
                    .doesNotContain(NAME_B);
            a.click(By.xpath(match + "//button[contains(@class,'consent')]"));
            a.sees("已同意对接");
            a.screenshot("consented");
        }

        try (Browser b = Browser.open(look, platform.portal(), "market-5-enterprise-b-consents")) {
            b.signIn("enterprise-b");
            b.go("/markets");
            b.reloadUntil(needProduct, EVENTS);
            String match = "//li[contains(., '" + needProduct + "')][contains(@id,'match-')]";
            assertThat(b.find(By.xpath(match)).getText()).doesNotContain(NAME_A);
            b.click(By.xpath(match + "//button[contains(@class,'consent')]"));
            b.sees("已同意对接");
            // the demo's own match already names A on this page: wait for this match's introduction
            b.reloadUntil("已引荐", EVENTS);
            assertThat(b.find(By.xpath(match)).getText()).contains(NAME_A).contains("已引荐");
            b.screenshot("introduced");
        }

        try (Browser dispatcher = Browser.open(look, platform.portal(), "market-6-dispatcher-outcome")) {
            dispatcher.signIn("dispatcher");
            dispatcher.go(matchPath);
            dispatcher.reloadUntil("已引荐", EVENTS);
            dispatcher.choose(By.id("outcome-outcome"), "CONTRACT_SIGNED");
            dispatcher.type(By.id("outcome-amountCny"), "0");
            dispatcher.click(By.cssSelector("#outcome-form button[type=submit]"));
            assertThat(dispatcher.find(By.id("outcome-amountCny-error")).getText())
                    .isNotBlank();
            dispatcher.type(By.id("outcome-amountCny"), "12000000");
            dispatcher.click(By.cssSelector("#outcome-form button[type=submit]"));
            dispatcher.sees("结果已记录");
            dispatcher.reloadUntil("已签约", EVENTS);
            assertThat(dispatcher.find(By.id("match-status")).getText()).isEqualTo("已签约");
            dispatcher.screenshot("signed");
        }

        try (Browser supervisor = Browser.open(look, platform.portal(), "market-7-supervisor-figures")) {
            supervisor.signIn("supervisor");
            supervisor.go("/markets/figures");
            supervisor.reloadUntil("单晶硅", EVENTS);
            supervisor.reloadUntil("12000000", EVENTS);
            assertThat(supervisor.find(By.id("link-MONOCRYSTALLINE")).getText())
                    .contains("12000000")
                    .contains("100.0%");
            assertThat(supervisor.find(By.id("link-POLYSILICON")).getText())
                    .as("the demo's signed polysilicon contract")
                    .contains("186000000");
            supervisor.screenshot("figures");
        }
    }

    private static void post(Browser browser, String kind, String needType, String product, String amount) {
        browser.choose(By.id("post-kind"), kind);
        browser.choose(By.id("post-needType"), needType);
        browser.type(By.id("post-product"), product);
        browser.choose(By.id("post-chainLink"), "MONOCRYSTALLINE");
        browser.type(By.id("post-amount"), amount);
        browser.choose(By.id("post-unit"), "TONNES");
        browser.click(By.cssSelector("#post-form button[type=submit]"));
    }
}
