package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * An administrator's first day on the real platform: a department and an official for it (a bad entry refused beside
 * its field first), a routing rule to it with a dry run that names it, the rule retired again, and a year of the
 * working calendar loaded from its notice, the official's account (a short password refused first) and an enterprise's
 * integration client whose secret shows once, disabled and enabled again. In Chinese on a desktop and in English on a
 * phone.
 *
 * <p>The rule routes only appeals of a district no other test files from, and the calendar year is 2099, so the
 * platform the other browser tests share routes and counts working time as before.
 */
class AdminBrowserIT {

    static List<Look> looks() {
        return Look.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looks")
    void anAdministratorAddsADepartmentAnOfficialARoutingRuleAndAYearOfTheCalendar(Look look) {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("assignment") && platform.runs("resolution"))
                .as("assignment and resolution are built and running")
                .isTrue();
        String department = "science-" + look;
        String district = "浏览器测试区" + look;

        try (Browser admin = Browser.open(look, platform.portal(), "admin-first-day")) {
            admin.signIn("admin");
            admin.go("/admin/directory");
            admin.sees(look.text("组织目录", "Directory"));

            // a department
            admin.click(By.id("new-department"));
            admin.type(By.id("entry-id"), department);
            admin.type(By.id("entry-name"), "科学技术局");
            admin.choose(By.id("entry-parentDepartmentId"), "city");
            admin.click(By.cssSelector("#entry-form button[type=submit]"));
            admin.sees(look.text("已新增", "Added."));
            assertThat(admin.find(By.id("history")).getText()).contains("admin");

            // an official: a user name with a space is refused beside the field, then corrected
            admin.go("/admin/directory/officials/new");
            admin.type(By.id("entry-id"), "zhao min");
            admin.type(By.id("entry-name"), "赵敏");
            admin.choose(By.id("entry-departmentId"), department);
            admin.click(By.cssSelector("#entry-form button[type=submit]"));
            admin.find(By.id("entry-id-error"));
            admin.screenshot("official-refused");
            admin.type(By.id("entry-id"), "zhao-min-" + look);
            admin.click(By.cssSelector("#entry-form button[type=submit]"));
            admin.sees(look.text("已新增", "Added."));

            // a routing rule to it, and a dry run that finds it
            admin.go("/admin/rules");
            admin.choose(By.id("rule-category"), "LAND");
            admin.type(By.id("rule-district"), district);
            admin.choose(By.id("rule-departmentId"), department);
            admin.click(By.cssSelector("#rule-form button[type=submit]"));
            admin.sees(look.text("规则已新增", "The rule was added"));
            String rulePath = admin.path();
            admin.go("/admin/rules");
            admin.choose(By.id("probe-category"), "LAND");
            admin.type(By.id("probe-district"), district);
            admin.click(By.cssSelector("#dry-run-form button[type=submit]"));
            assertThat(admin.find(By.id("dry-run-result")).getText()).contains(department);
            admin.screenshot("dry-run");

            // retired again: the rule stays in the history, no longer in force
            admin.go(rulePath);
            admin.click(By.cssSelector("#retire-form button[type=submit]"));
            admin.sees(look.text("规则已停用", "The rule was retired"));
            admin.sees(look.text("该规则已停用", "This rule was retired"));

            // a year of the calendar: a mistyped line refused beside the field, then loaded
            admin.go("/admin/calendar?year=2099");
            admin.type(By.id("calendar-source"), "国务院办公厅关于2099年部分节假日安排的通知（测试）");
            admin.type(By.id("calendar-holidays"), "元旦 2099-01-01\n春节 2099-01-2x 2099-01-27");
            admin.type(By.id("calendar-makeUpWorkingDays"), "2099-01-18");
            admin.click(By.cssSelector("#calendar-form button[type=submit]"));
            admin.find(By.id("calendar-holidays-error"));
            admin.type(By.id("calendar-holidays"), "元旦 2099-01-01\n春节 2099-01-21 2099-01-27");
            admin.click(By.cssSelector("#calendar-form button[type=submit]"));
            admin.sees(look.text("日历已载入", "The calendar was loaded"));
            admin.reloadUntil("2099年部分节假日安排", Duration.ofSeconds(30));
            assertThat(admin.find(By.id("in-force-source")).getText()).contains("2099年部分节假日安排");
            assertThat(admin.find(By.id("holidays-table")).getText()).contains("2099-01-21");
            admin.screenshot("calendar");

            // the official's account, and an integration client for enterprise-a whose secret shows once
            admin.go("/admin/users");
            admin.type(By.id("user-username"), "zhao-min-" + look);
            admin.type(By.id("user-displayName"), "赵敏");
            admin.choose(By.id("user-role"), "OFFICIAL");
            admin.choose(By.id("user-departmentId"), department);
            admin.type(By.id("user-password"), "short");
            admin.click(By.cssSelector("#user-form button[type=submit]"));
            admin.find(By.id("user-password-error"));
            admin.type(By.id("user-password"), "a-first-password-" + look);
            admin.click(By.cssSelector("#user-form button[type=submit]"));
            admin.sees(look.text("用户已新增", "The user was added"));
            assertThat(admin.find(By.id("history")).getText()).contains("admin");
            admin.go("/admin/clients");
            admin.type(By.id("client-clientId"), "erp-" + look);
            admin.type(By.id("client-name"), "ERP");
            admin.type(By.id("client-enterpriseId"), "91150200MA0QA0001T");
            admin.click(By.cssSelector("#client-form button[type=submit]"));
            String secret = admin.find(By.id("client-secret-value")).getText();
            assertThat(secret).hasSizeGreaterThan(30);
            admin.go("/admin/clients");
            assertThat(admin.mainText()).contains("erp-" + look).doesNotContain(secret);
            // the client disabled (it gets no token from now on) and enabled again
            admin.click(By.id("client-state-erp-" + look));
            admin.sees(look.text("客户端已停用", "The client was disabled"));
            assertThat(admin.find(By.id("client-erp-" + look)).getText()).contains(look.text("已停用", "Disabled ("));
            admin.screenshot("client-disabled");
            admin.click(By.id("client-state-erp-" + look));
            admin.sees(look.text("客户端已重新启用", "The client was enabled again"));
            assertThat(admin.find(By.id("client-erp-" + look)).getText())
                    .doesNotContain(look.text("已停用", "Disabled ("));
        }
    }
}
