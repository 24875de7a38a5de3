package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * What-if replay (issue #22) from the supervisor's page: a tier without its category is refused beside the field; the
 * corrected proposal runs, the progress bar gives way to the side-by-side tables and the chart. In Chinese on a
 * desktop and English on a phone.
 */
class WhatIfBrowserIT {

    static List<Look> looks() {
        return Look.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looks")
    void aSupervisorReplaysLastQuarterUnderShorterTimeLimits(Look look) {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("oversight"))
                .as("oversight is built and running")
                .isTrue();

        try (Browser supervisor = Browser.open(look, platform.portal(), "what-if-" + look)) {
            supervisor.signIn("supervisor");
            supervisor.go("/supervisor/what-if");
            supervisor.sees(look.text("假设推演", "What if"));
            supervisor.setValue(By.id("urgentDays"), "3");
            supervisor.setValue(By.id("tierDays"), "2");
            supervisor.click(By.id("run-what-if"));
            // a category's own tier needs its category: said beside the field, nothing run
            supervisor.sees(look.text("请选择类别。", "Choose a category."));
            assertThat(supervisor.find(By.id("tierCategory-error")).getText())
                    .contains(look.text("请选择类别", "Choose a category"));
            supervisor.screenshot("refused");

            supervisor.choose(By.id("tierCategory"), "POWER");
            supervisor.choose(By.id("tierUrgency"), "NORMAL");
            supervisor.click(By.id("run-what-if"));
            supervisor.waitForPath("/supervisor/what-if");
            supervisor.sees(look.text("件诉求，截至", "appeals replayed, as of"));
            assertThat(supervisor.all(By.cssSelector("#what-if-overall tbody tr")))
                    .hasSize(1);
            assertThat(supervisor.find(By.id("what-if-overall")).getText()).contains(look.text("全部", "Everything"));
            supervisor.sees(look.text("结果改变的诉求", "Appeals whose outcome changes"));
            supervisor.screenshot("answered");
        }
    }
}
