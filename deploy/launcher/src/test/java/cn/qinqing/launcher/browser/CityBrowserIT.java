package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * The city's side, each user group's main path from sign-in to the result, on the real platform: an enterprise files
 * two appeals; the dispatcher routes the one that asked for a person; the official signs for and answers the other;
 * the enterprise rates the answer; the leader takes charge of the first; the supervisor reads the answered one's
 * timeline and the department's rates.
 * In Chinese on a desktop and in English on a phone.
 */
class CityBrowserIT {

    static final Duration EVENTS = Duration.ofSeconds(45);

    static List<Look> looks() {
        return Look.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looks")
    void anAppealGoesFromTheEnterpriseThroughDispatchSignForAndAnswerToTheSupervisor(Look look) {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("assignment") && platform.runs("resolution") && platform.runs("oversight"))
                .as("assignment, resolution and oversight are built and running")
                .isTrue();
        String routed = look.text("硅片车间供电线路改造（", "Rewiring the wafer workshop (") + look + ")";
        String manual = look.text("新厂区道路与物流通道规划（", "Roads for the new plant (") + look + ")";
        String routedPath;
        String manualPath;

        // the enterprise files one appeal for the rules to route, one for a dispatcher
        try (Browser enterprise = Browser.open(look, platform.portal(), "city-1-enterprise")) {
            enterprise.signIn("enterprise-a");
            routedPath = file(enterprise, routed, "POWER", false);
            manualPath = file(enterprise, manual, "OTHER", true);
            enterprise.screenshot("filed");
            enterprise.signOut();
            enterprise.sees(look.text("企业诉求，件件有回音", "Every enterprise appeal gets an answer"));
        }

        // the dispatcher finds the second in the queue and dispatches it
        try (Browser dispatcher = Browser.open(look, platform.portal(), "city-2-dispatcher")) {
            dispatcher.signIn("dispatcher");
            dispatcher.waitForPath("/dispatcher");
            dispatcher.reloadUntil(manual, EVENTS);
            dispatcher.screenshot("queue");
            dispatcher.click(By.linkText(manual));
            dispatcher.choose(By.id("dispatch-departmentId"), "industry-it");
            dispatcher.screenshot("dispatch");
            dispatcher.click(By.cssSelector("#dispatch-form button[type=submit]"));
            dispatcher.sees(look.text("已派单。", "Dispatched."));
            assertThat(dispatcher.path()).isEqualTo(manualPath);
        }

        // the department's official signs for the first and answers it
        try (Browser official = Browser.open(look, platform.portal(), "city-3-official")) {
            official.signIn("official");
            official.waitForPath("/official");
            official.reloadUntil(routed, EVENTS);
            official.screenshot("inbox");
            official.click(By.linkText(routed));
            official.click(By.id("sign-for"));
            official.sees(look.text("已签收，办理时限开始计算", "Signed for; the resolution clock is running"));
            official.find(By.id("answer-form"));
            official.screenshot("signed-for");
            official.choose(By.id("answer-outcome"), "SOLVED");
            official.type(
                    By.id("answer-text"),
                    look.text("已协调供电公司，将于本周内完成线路改造。", "The grid company will rewire the workshop this week."));
            official.click(By.cssSelector("#answer-form button[type=submit]"));
            official.sees(look.text("答复已提交", "Your answer was submitted"));
            official.sees(look.text("已解决", "Solved"));
            official.screenshot("answered");
        }

        // the enterprise reads the answer and rates it
        try (Browser enterprise = Browser.open(look, platform.portal(), "city-3b-enterprise")) {
            enterprise.signIn("enterprise-a");
            enterprise.go(routedPath);
            enterprise.reloadUntil(look.text("评价答复", "Rate the answer"), EVENTS);
            enterprise.sees(look.text("已协调供电公司", "The grid company will rewire"));
            enterprise.click(By.id("rating-rating-5"));
            enterprise.type(By.id("rating-text"), look.text("办得快，很满意。", "Quick and helpful."));
            enterprise.screenshot("rating");
            enterprise.click(By.id("rate"));
            enterprise.sees(look.text("感谢您的评价", "Thank you for your rating"));
            enterprise.screenshot("rated");
        }

        // the leader takes charge of the dispatched one
        try (Browser leader = Browser.open(look, platform.portal(), "city-4-leader")) {
            leader.signIn("leader");
            leader.go(manualPath);
            leader.click(By.cssSelector("#take-charge-form button[type=submit]"));
            leader.sees(look.text("您已领办此诉求", "You are now in charge of this appeal"));
            leader.go("/leader");
            leader.reloadUntil(manual, EVENTS);
            leader.screenshot("cases");

            // the figures of the departments the leader answers for (the bureau's head reports to them), and the
            // enterprises they look after (包联) with the open appeal and a supervision notice refused beside its field
            leader.click(By.linkText(look.text("考核指标", "Figures")));
            leader.waitForPath("/leader/kpis");
            leader.sees(look.text("分管部门三率", "Three rates of my departments"));
            leader.reloadUntil("100% (", EVENTS);
            assertThat(leader.find(By.cssSelector("table.kpi-table")).getText())
                    .contains(look.text("工业和信息化局", "Industry and Information Technology Bureau"));
            assertThat(leader.all(By.cssSelector("svg.chart rect"))).isNotEmpty();
            leader.screenshot("kpis");
            leader.click(By.linkText(look.text("包联企业", "My enterprises")));
            leader.waitForPath("/leader/liaison");
            leader.reloadUntil(manual, EVENTS);
            leader.sees("包头青山光伏材料有限公司");
            // its key project, from the projects service: overdue (the demo's equipment was due ten days ago), linked
            leader.reloadUntil("20GW大尺寸单晶硅片项目", EVENTS);
            String projects = leader.find(By.id("projects-91150200MA0QA0001T")).getText();
            assertThat(projects).contains(look.text("硅片", "Wafers"), look.text("节点逾期", "Milestone overdue"));
            assertThat(leader.find(By.cssSelector("#projects-91150200MA0QA0001T a[href^='/projects/']"))
                            .getText())
                    .startsWith("20GW大尺寸单晶硅片项目");
            leader.click(By.id("supervise-" + manualPath.substring("/appeals/".length())));
            leader.click(By.cssSelector("#supervise-form button[type=submit]"));
            // the error exists only on the answer's page: wait for it before reading the field, which the old page
            // also has (read from the old page while it was being replaced, it went stale)
            leader.find(By.id("supervise-text-error"));
            assertThat(leader.find(By.id("supervise-text")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            leader.screenshot("liaison-supervise-refused");
        }

        // the supervisor sees the answered appeal's whole timeline and the department's rates
        try (Browser supervisor = Browser.open(look, platform.portal(), "city-5-supervisor")) {
            supervisor.signIn("supervisor");
            supervisor.waitForPath("/supervisor");
            supervisor.go("/supervisor/appeals" + routedPath.substring("/appeals".length()));
            supervisor.reloadUntil(look.text("企业评价", "Rated by the enterprise"), EVENTS);
            assertThat(supervisor.find(By.id("oversight-timeline")).getText())
                    .contains(look.text("签收", "Signed for"))
                    .contains(look.text("派单", "Dispatched"));
            supervisor.screenshot("timeline");
            supervisor.go("/supervisor");
            supervisor.sees(look.text("各部门三率", "The three rates per department"));
            supervisor.reloadUntil(look.text("工业和信息化局", "Industry and Information Technology Bureau"), EVENTS);
            supervisor.reloadUntil("100% (", EVENTS);
            assertThat(supervisor.all(By.cssSelector("svg.chart rect"))).isNotEmpty();
            supervisor.screenshot("dashboard");
        }
    }

    /** Files an appeal and returns its page's path. */
    private static String file(Browser browser, String title, String category, boolean manual) {
        browser.go("/enterprise/appeals/new");
        browser.type(By.id("title"), title);
        browser.choose(By.id("category"), category);
        browser.choose(By.id("urgency"), "NORMAL");
        browser.type(By.id("description"), title + " — " + browser.look().text("详见附件说明。", "Details attached."));
        if (manual) {
            browser.click(By.id("manualDispatch"));
        }
        browser.click(By.cssSelector("#appeal-form button[type=submit]"));
        browser.waitForPath("/appeals/[0-9a-f-]{36}");
        browser.sees(title);
        return browser.path();
    }
}
