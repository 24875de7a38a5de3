package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Key projects from the demo data (issue 23): the leader finds the wafer plant with its overdue equipment milestone
 * in the Gantt chart and follows its blocker to the appeal it became, and back; the department's official records the
 * milestone (a missing date is refused beside its field); enterprise B sees its own project and not enterprise A's.
 * Chinese, on a desktop.
 */
class ProjectBrowserIT {

    static final Duration EVENTS = Duration.ofSeconds(60);
    static final String WAFER = "20GW大尺寸单晶硅片项目";
    static final String POLYSILICON = "年产10万吨高纯多晶硅项目";

    @Test
    void theLeaderFollowsAnOverdueProjectsBlockerAndTheOfficialRecordsItsMilestone() {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("projects"))
                .as("projects is built and running")
                .isTrue();
        Look look = Look.CHINESE_DESKTOP;
        String projectPath;

        try (Browser leader = Browser.open(look, platform.portal(), "project-1-leader")) {
            leader.signIn("leader");
            leader.go("/projects");
            leader.reloadUntil(WAFER, EVENTS);
            leader.sees("包头速度");
            assertThat(leader.all(By.cssSelector("#portfolio a")))
                    .as("the portfolio chart, a row per project")
                    .hasSizeGreaterThanOrEqualTo(2);
            leader.screenshot("list");
            leader.click(By.partialLinkText(WAFER));
            leader.waitForPath("/projects/[0-9a-f-]{36}");
            projectPath = leader.path();
            // the equipment was due ten days ago: its clock escalated it, and the chart draws it red
            leader.reloadUntil("已逾期提醒包联领导", EVENTS);
            assertThat(leader.find(By.cssSelector("#gantt g[data-milestone=EQUIPMENT_INSTALLED]"))
                            .getDomAttribute("data-state"))
                    .isEqualTo("overdue");
            leader.reloadUntil("诉求办理中", EVENTS);
            leader.screenshot("project");
            leader.click(By.partialLinkText("切片车间110千伏增容接入未批"));
            leader.waitForPath("/appeals/[0-9a-f-]{36}");
            leader.sees("重点项目堵点");
            leader.screenshot("blocker-appeal");
            // linked both ways: from the appeal back to its project
            leader.click(By.id("appeal-project"));
            leader.waitForPath(projectPath);
        }

        try (Browser official = Browser.open(look, platform.portal(), "project-2-official")) {
            official.signIn("official");
            official.go(projectPath);
            official.choose(By.id("milestone-decision"), "EQUIPMENT_INSTALLED");
            official.click(By.cssSelector("#milestone-form button[type=submit]"));
            assertThat(official.find(By.id("milestone-dueDate-error")).getText())
                    .isNotBlank();
            recordEquipmentInstalledToday(official);
            if (answered(official).equals(STALE)) {
                // the milestone's clocks append to the project as the platform starts (overdue, then escalated past the
                // leader): a form read before the last of them is refused as stale, the page says so and shows the
                // project as it is now, and the official submits again
                official.choose(By.id("milestone-decision"), "EQUIPMENT_INSTALLED");
                recordEquipmentInstalledToday(official);
            }
            official.sees("节点已记录");
            official.reloadUntil("延期完成", EVENTS);
            assertThat(official.find(By.id("project-status")).getText()).isEqualTo("设备安装");
            official.screenshot("milestone-recorded");
        }

        try (Browser enterprise = Browser.open(look, platform.portal(), "project-3-enterprise")) {
            enterprise.signIn("enterprise-b");
            enterprise.go("/projects");
            enterprise.reloadUntil(POLYSILICON, EVENTS);
            assertThat(enterprise.mainText()).doesNotContain(WAFER).doesNotContain("包头速度");
            enterprise.go(projectPath);
            enterprise.sees("找不到该内容");
        }
    }

    static final String STALE = "有人修改了这条内容";

    private static void recordEquipmentInstalledToday(Browser official) {
        official.setValue(
                By.id("milestone-dueDate"),
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        official.click(By.cssSelector("#milestone-form button[type=submit]"));
    }

    /** What the page answered the submission with: recorded, or refused as stale. */
    private static String answered(Browser official) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String text = official.mainText();
            if (text.contains("节点已记录")) {
                return "节点已记录";
            }
            if (text.contains(STALE)) {
                return STALE;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return "";
    }
}
