package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The industrial chain from the demo data (issue 23 part 3): the supervisor opens 产业链, sees the six links upstream
 * first with the demo's enterprises (the key enterprise marked chain master) and projects, and follows the module
 * line's project to its page; a leader registers a key project, refused first for a milestone planned before the
 * signing, then accepted, and finds it on the chain. Chinese, on a desktop.
 */
class ChainBrowserIT {

    static final Duration EVENTS = Duration.ofSeconds(60);
    static final String MODULE_PROJECT = "10GW高效光伏组件项目";

    @Test
    void theSupervisorReadsTheChainAndALeaderRegistersAProjectOnIt() {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("projects"))
                .as("projects is built and running")
                .isTrue();
        Look look = Look.CHINESE_DESKTOP;

        try (Browser supervisor = Browser.open(look, platform.portal(), "chain-1-supervisor")) {
            supervisor.signIn("supervisor");
            supervisor.go("/supervisor");
            supervisor.click(By.cssSelector("nav.menu a[href='/industry-chain']"));
            supervisor.waitForPath("/industry-chain");
            supervisor.reloadUntil("包头昆都仑光伏组件有限公司", EVENTS);
            supervisor.reloadUntil(MODULE_PROJECT, EVENTS);
            List<String> links = supervisor.all(By.cssSelector("#chain-links > li > h2")).stream()
                    .map(WebElement::getText)
                    .map(text -> text.replaceAll("^\\d+\\s*", "").trim())
                    .toList();
            assertThat(links).containsExactly("工业硅", "多晶硅", "单晶硅", "硅片", "电池片", "组件");
            assertThat(supervisor.find(By.id("link-POLYSILICON")).getText()).contains("包头稀土高新硅业有限公司");
            assertThat(supervisor.find(By.id("link-WAFER")).getText())
                    .contains("包头青山光伏材料有限公司")
                    .contains("链主")
                    .contains("20GW大尺寸单晶硅片项目");
            assertThat(supervisor.find(By.id("link-CELL")).getText()).contains("包头九原高效电池片有限公司");
            supervisor.screenshot("chain");
            supervisor.click(By.partialLinkText(MODULE_PROJECT));
            supervisor.waitForPath("/projects/[0-9a-f-]{36}");
            supervisor.sees("项目节点");
            assertThat(supervisor.find(By.tagName("h1")).getText()).contains(MODULE_PROJECT);
        }

        String name = "多晶硅配套硅粉项目 " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate signed = today.minusDays(10);
        try (Browser leader = Browser.open(look, platform.portal(), "chain-2-leader")) {
            leader.signIn("leader");
            leader.go("/projects");
            leader.click(By.id("new-project"));
            leader.waitForPath("/projects/new");
            leader.type(By.id("project-name"), name);
            leader.type(By.id("project-enterpriseIds"), "91150200MA0QB0002M");
            leader.choose(By.id("project-chainLink"), "INDUSTRIAL_SILICON");
            leader.type(By.id("project-investmentYi"), "12.5");
            leader.type(By.id("project-capacityAmount"), "50000");
            leader.choose(By.id("project-capacityUnit"), "TONNES");
            leader.type(By.id("project-site"), "包头稀土高新区");
            leader.choose(By.id("project-departmentId"), "industry-it");
            leader.setValue(By.id("project-signedOn"), signed.toString());
            // the land is planned before the signing: refused beside its field
            leader.setValue(By.id("project-landAndPermits"), signed.minusDays(5).toString());
            leader.setValue(
                    By.id("project-constructionStarted"), signed.plusDays(60).toString());
            leader.setValue(
                    By.id("project-equipmentInstalled"), signed.plusDays(150).toString());
            leader.setValue(
                    By.id("project-trialProduction"), signed.plusDays(200).toString());
            leader.setValue(By.id("project-commissioned"), signed.plusDays(240).toString());
            leader.click(By.id("register-project"));
            assertThat(leader.find(By.id("project-landAndPermits-error")).getText())
                    .contains("不能早于签约日期");
            assertThat(leader.find(By.id("project-landAndPermits")).getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            leader.screenshot("refused");
            leader.setValue(By.id("project-landAndPermits"), signed.plusDays(30).toString());
            leader.click(By.id("register-project"));
            leader.sees("重点项目已登记");
            leader.waitForPath("/projects/[0-9a-f-]{36}");
            assertThat(leader.find(By.tagName("h1")).getText()).isEqualTo(name);
            leader.screenshot("registered");
            // and it stands on the chain, under industrial silicon
            leader.go("/industry-chain");
            leader.reloadUntil(name, EVENTS);
            assertThat(leader.find(By.id("link-INDUSTRIAL_SILICON")).getText()).contains(name);
        }
    }
}
