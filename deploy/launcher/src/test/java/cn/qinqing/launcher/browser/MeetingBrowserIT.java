package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * A breakfast meeting from both sides of the table: the leader schedules it and invites enterprise A, the enterprise
 * accepts and proposes a topic, the leader puts the topic on the agenda. In Chinese on a desktop and English on a
 * phone.
 */
class MeetingBrowserIT {

    static final Duration EVENTS = Duration.ofSeconds(45);

    static List<Look> looks() {
        return Look.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looks")
    void aLeaderSchedulesAMeetingAnEnterpriseProposesATopicAndTheLeaderAcceptsIt(Look look) {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("meetings"))
                .as("meetings is built and running")
                .isTrue();
        String theme = look.text("光伏产业链：硅片与电池片（", "Photovoltaic chain: wafers and cells (") + look + ")";
        String topic = look.text("电池片项目用地指标", "Land quota for the cell project") + " (" + look + ")";
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);
        String meetingPath;

        try (Browser leader = Browser.open(look, platform.portal(), "meeting-1-leader")) {
            leader.signIn("leader");
            leader.go("/leader/meetings");
            leader.click(By.id("schedule"));
            leader.type(By.id("theme"), theme);
            leader.type(By.id("venue"), look.text("市政府第一会议室", "City Hall, meeting room 1"));
            leader.setValue(By.id("date"), day.toString());
            leader.setValue(By.id("startTime"), "07:30");
            leader.setValue(By.id("endTime"), "09:00");
            leader.type(By.id("departments"), "industry-it, natural-resources");
            leader.setValue(By.id("cutOffDate"), day.minusDays(3).toString());
            leader.screenshot("schedule");
            leader.click(By.cssSelector("#schedule-form button[type=submit]"));
            leader.waitForPath("/leader/meetings/[0-9a-f-]{36}");
            leader.sees(theme);
            meetingPath = leader.path();
            leader.type(By.id("invite-text"), "91150200MA0QA0001T");
            leader.click(By.cssSelector("#invite-form button[type=submit]"));
            leader.sees(look.text("邀请已发出", "The invitations were sent"));
            leader.reloadUntil("包头青山光伏材料有限公司", EVENTS);
            leader.screenshot("invited");
        }

        String enterprisePath = meetingPath.replace("/leader/", "/enterprise/");
        try (Browser enterprise = Browser.open(look, platform.portal(), "meeting-2-enterprise")) {
            enterprise.signIn("enterprise-a");
            enterprise.go("/enterprise/meetings");
            enterprise.reloadUntil(theme, EVENTS);
            enterprise.screenshot("invitations");
            enterprise.click(By.linkText(theme));
            enterprise.click(By.cssSelector("#accept-form button[type=submit]"));
            enterprise.sees(look.text("已确认参加", "You are attending"));
            enterprise.type(By.id("topic-title"), topic);
            enterprise.type(
                    By.id("topic-text"),
                    look.text("新建电池片项目需要 200 亩用地指标。", "The new cell project needs 13 hectares of land."));
            enterprise.click(By.cssSelector("#topic-form button[type=submit]"));
            enterprise.sees(look.text("议题已提交", "Your topic was sent to the host"));
            enterprise.sees(topic);
            assertThat(enterprise.path()).isEqualTo(enterprisePath);
            enterprise.screenshot("topic");
        }

        try (Browser leader = Browser.open(look, platform.portal(), "meeting-3-leader")) {
            leader.signIn("leader");
            leader.go(meetingPath);
            leader.reloadUntil(topic, EVENTS);
            leader.click(By.cssSelector("button[name=decision][value=ACCEPT]"));
            leader.sees(look.text("议题已列入议程", "The topic is on the agenda"));
            leader.sees(look.text("已列入议程", "On the agenda"));
            leader.screenshot("topic-accepted");
        }
    }
}
