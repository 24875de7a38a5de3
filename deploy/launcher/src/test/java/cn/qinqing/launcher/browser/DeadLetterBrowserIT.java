package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.launcher.Database;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * Dead letters on the real platform, in the admin's pages: two years of the working calendar loaded through the
 * portal whose handling in the resolution service fails for a real reason — the calendar's table refuses them (a
 * check constraint the test adds, as a broken migration or a full disk would refuse a write) — so that the
 * {@code resolution-calendar} group parks both. The admin lists them, inspects one (its cause names the constraint,
 * its payload the year), drops it with a reason (refused beside the field without one), and, the table repaired,
 * retries the group: no dead letter is left and the other year is in force.
 *
 * <p>Each look loads its own two years, far ahead (209x), so the platform the other browser tests share counts
 * working time as before.
 */
class DeadLetterBrowserIT {

    static final String CONSTRAINT = "dead_letter_browser_test";

    static List<Look> looks() {
        return Look.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looks")
    void anAdministratorInspectsDropsAndRetriesDeadLetters(Look look) throws SQLException {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("resolution"))
                .as("resolution is built and running")
                .isTrue();
        int dropped = look.english() ? 2096 : 2094;
        int retried = dropped + 1;
        Database database = platform.platform().database();
        refuseYears(database, dropped, retried);

        try (Browser admin = Browser.open(look, platform.portal(), "dead-letters")) {
            admin.signIn("admin");
            for (int year : new int[] {dropped, retried}) {
                admin.go("/admin/calendar?year=" + year);
                admin.type(By.id("calendar-year"), String.valueOf(year));
                admin.type(By.id("calendar-source"), "国务院办公厅关于" + year + "年部分节假日安排的通知（死信测试）");
                admin.type(By.id("calendar-holidays"), "元旦 " + year + "-01-01");
                admin.type(By.id("calendar-makeUpWorkingDays"), "");
                admin.click(By.cssSelector("#calendar-form button[type=submit]"));
                admin.sees(look.text("日历已载入", "The calendar was loaded"));
            }

            // both parked in resolution's calendar group, with their cause
            admin.go("/admin/dead-letters");
            admin.reloadUntil("resolution-calendar", Duration.ofSeconds(30));
            admin.reloadUntil(CONSTRAINT, Duration.ofSeconds(30));
            assertThat(admin.find(By.id("service-resolution")).getText())
                    .contains("WorkingCalendarLoadedEvent")
                    .contains(CONSTRAINT);
            admin.screenshot("listed");

            // inspect the one of the first year: its payload and cause
            List<String> links = admin.all(By.cssSelector("#service-resolution tbody tr a")).stream()
                    .map(link -> URI.create(link.getAttribute("href")).getPath())
                    .toList();
            String letterPath = null;
            for (String link : links) {
                admin.go(link);
                if (admin.find(By.id("letter-payload")).getText().contains("\"year\" : " + dropped)) {
                    letterPath = link;
                    break;
                }
            }
            assertThat(letterPath).as("the letter of " + dropped).isNotNull();
            assertThat(admin.find(By.id("letter-cause")).getText()).contains(CONSTRAINT);
            admin.screenshot("inspected");
            // a full-page screenshot resizes a phone's viewport for a moment: open the page afresh before clicking
            admin.go(letterPath);

            // dropping needs a reason: refused beside the field, then dropped
            admin.click(By.cssSelector("#drop-form button[type=submit]"));
            admin.sees(look.text("请写明丢弃原因", "Say why the letter is dropped"));
            assertThat(admin.find(By.id("drop-reason-error")).getText())
                    .contains(look.text("请写明丢弃原因", "Say why the letter is dropped"));
            assertThat(admin.find(By.id("drop-reason")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            admin.type(By.id("drop-reason"), look.text("测试年份，无需载入", "A test year: never needed"));
            admin.click(By.cssSelector("#drop-form button[type=submit]"));
            admin.sees(look.text("死信已丢弃", "The letter was dropped"));
            String letterId = letterPath.substring(letterPath.lastIndexOf('/') + 1);
            assertThat(admin.all(By.cssSelector("#service-resolution a[href$='" + letterId + "']")))
                    .as("the dropped letter is gone")
                    .isEmpty();

            // the table repaired, a retry of the group handles the other one: nothing left, the year in force
            allowYears(database);
            admin.click(By.cssSelector("#service-resolution form button[type=submit]"));
            admin.sees(look.text("已重新处理", "handled again"));
            assertThat(admin.find(By.id("retried")).getText()).contains("resolution-calendar");
            assertThat(admin.find(By.id("service-resolution")).getText())
                    .contains(look.text("没有死信", "No dead letters"));
            admin.screenshot("retried");
            admin.go("/admin/calendar?year=" + retried);
            admin.reloadUntil(retried + "年部分节假日安排的通知（死信测试）", Duration.ofSeconds(30));
            admin.go("/admin/calendar?year=" + dropped);
            assertThat(admin.find(By.id("in-force-source")).getText()).doesNotContain("死信测试");
        } finally {
            allowYears(database);
        }
    }

    /** The calendar's table refuses two years: their loads cannot be handled until it is repaired. */
    private static void refuseYears(Database database, int first, int second) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE resolution.calendar_year DROP CONSTRAINT IF EXISTS " + CONSTRAINT);
            statement.execute("ALTER TABLE resolution.calendar_year ADD CONSTRAINT " + CONSTRAINT
                    + " CHECK (year NOT IN (" + first + ", " + second + ")) NOT VALID");
        }
    }

    private static void allowYears(Database database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE resolution.calendar_year DROP CONSTRAINT IF EXISTS " + CONSTRAINT);
        }
    }
}
