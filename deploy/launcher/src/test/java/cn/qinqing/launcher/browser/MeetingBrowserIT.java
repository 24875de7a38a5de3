package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * A breakfast meeting from both sides of the table: the leader schedules it and invites enterprise A, the enterprise
 * accepts and proposes a topic, the leader puts the topic on the agenda; then the host's agenda, minutes and action
 * items. In Chinese on a desktop and English on a phone.
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

    /**
     * The host's side after the invitations: the leader publishes the agenda (two slots, each with its department),
     * changes it with a reason, writes the minutes once the meeting has started, publishes and corrects them, and
     * tracks a decision as an action item whose live status and follow-up rate the meeting's page shows; the item's
     * appeal links back to the meeting, and a supervisor follows its chain view (issue 20) to the appeal.
     *
     * <p>The meeting is scheduled through the API to start 45 s from now (the schedule form takes whole days for the
     * topics' cut-off, and minutes exist only once a meeting has started); everything after is done in the browser.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("looks")
    void theHostPublishesTheAgendaWritesTheMinutesAndTracksADecision(Look look) {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("meetings") && platform.runs("assignment"))
                .as("meetings and assignment are built and running")
                .isTrue();
        String theme = look.text("稀土永磁：电机配套（", "Rare-earth magnets: motor supply (") + look + ")";
        ZoneId city = ZoneId.of("Asia/Shanghai");
        awayFromMidnight(city);
        Instant startsAt = Instant.now().plusSeconds(45);
        String meetingPath = scheduleThroughTheApi(platform, theme, startsAt);
        LocalTime first = startsAt.atZone(city)
                .toLocalTime()
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        // the portal's agenda form takes times on the meeting's day: late in the evening the slots shrink to fit
        long slot = Math.min(20, Duration.between(first, LocalTime.MAX).toMinutes() / 2);
        assertThat(slot).as("minutes per slot before midnight, Beijing").isGreaterThanOrEqualTo(2);
        String landTitle = look.text("永磁电机产业园用地", "Land for the magnet motor park");
        String powerTitle = look.text("双回路供电", "A second power line");
        String decision =
                look.text("自然资源局一个月内提出产业园供地方案", "The Natural Resources Bureau proposes the park's land within a month");
        String appealPath;

        try (Browser leader = Browser.open(look, platform.portal(), "meeting-4-host")) {
            leader.signIn("leader");
            leader.go(meetingPath);
            leader.sees(theme);

            // the agenda: two slots, each with the department that answers for it
            leader.click(By.id("edit-agenda"));
            leader.waitForPath(meetingPath + "/agenda");
            leader.type(By.id("agenda-items[0].title"), landTitle);
            leader.setValue(By.id("agenda-items[0].startTime"), first.toString());
            leader.setValue(
                    By.id("agenda-items[0].endTime"), first.plusMinutes(slot).toString());
            leader.choose(By.id("agenda-items[0].departmentId"), "natural-resources");
            leader.type(By.id("agenda-items[1].title"), powerTitle);
            leader.setValue(
                    By.id("agenda-items[1].startTime"), first.plusMinutes(slot).toString());
            leader.setValue(
                    By.id("agenda-items[1].endTime"),
                    first.plusMinutes(2 * slot).toString());
            leader.choose(By.id("agenda-items[1].departmentId"), "industry-it");
            leader.screenshot("agenda");
            leader.click(By.cssSelector("#agenda-form button[type=submit]"));
            leader.sees(look.text("议程已发布", "The agenda is published"));
            leader.sees(landTitle);
            leader.sees(look.text("议程（第 1 版）", "Agenda (version 1)"));

            // a change after publication needs its reason, asked for next to its field
            leader.click(By.id("edit-agenda"));
            leader.setValue(
                    By.id("agenda-items[1].endTime"),
                    first.plusMinutes(slot + slot / 2).toString());
            leader.click(By.cssSelector("#agenda-form button[type=submit]"));
            assertThat(leader.find(By.id("agenda-reason-error")).getText())
                    .isEqualTo(look.text("议程已发布，请填写调整原因。", "The agenda is published: give the reason for the change."));
            assertThat(leader.find(By.id("agenda-reason")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            leader.screenshot("agenda-reason-missing");
            String reason = look.text("供电公司需提前离场", "The power company has to leave early");
            leader.type(By.id("agenda-reason"), reason);
            leader.click(By.cssSelector("#agenda-form button[type=submit]"));
            leader.sees(look.text("议程已调整", "The agenda was changed"));
            leader.sees(look.text("议程（第 2 版）", "Agenda (version 2)"));
            leader.sees(reason);
            leader.screenshot("agenda-changed");

            // the minutes, once the meeting has started: a draft, published, then corrected with its reason
            reloadUntil(leader, () -> !leader.all(By.id("write-minutes")).isEmpty(), Duration.ofSeconds(90));
            leader.click(By.id("write-minutes"));
            leader.waitForPath(meetingPath + "/minutes");
            leader.click(By.cssSelector("input[name=enterpriseIds][value='91150200MA0QA0001T']"));
            leader.type(
                    By.id("minutes-items[0].summary"),
                    look.text("企业介绍了产业园二期的用地需求。", "The enterprise explained the land the park needs."));
            leader.type(
                    By.id("minutes-items[0].decisions"),
                    decision + "\n" + look.text("工信局跟进项目备案", "The Industry Bureau follows the registration"));
            leader.screenshot("minutes-draft");
            leader.click(By.cssSelector("#minutes-form button[type=submit]"));
            leader.sees(look.text("纪要草稿已保存", "The draft minutes are saved"));
            leader.sees(decision);
            leader.sees(look.text("草稿", "Draft"));
            leader.click(By.cssSelector("#publish-minutes-form button[type=submit]"));
            leader.sees(look.text("纪要已发布", "The minutes are published"));

            leader.click(By.id("edit-minutes"));
            leader.type(
                    By.id("minutes-items[1].summary"),
                    look.text("供电公司承诺年内完成双回路。", "The power company promised the second line this year."));
            leader.type(By.id("minutes-reason"), look.text("补记第二项议题", "The second item was missing"));
            leader.click(By.cssSelector("#minutes-form button[type=submit]"));
            leader.sees(look.text("纪要已更正", "The minutes were corrected"));
            leader.sees(look.text("第 1 次更正", "Correction 1"));
            leader.sees(look.text("补记第二项议题", "The second item was missing"));
            leader.screenshot("minutes-corrected");

            // a decision tracked as an action item: an appeal for the owner department, followed on this page
            leader.click(By.id("raise-1-1"));
            leader.waitForPath(meetingPath + "/action-items/new");
            assertThat(leader.find(By.id("action-title")).getAttribute("value")).isEqualTo(decision);
            leader.choose(By.id("action-enterpriseId"), "91150200MA0QA0001T");
            leader.setValue(
                    By.id("action-dueOn"), LocalDate.now(city).plusDays(30).toString());
            leader.choose(By.id("action-category"), "LAND");
            leader.screenshot("action-item");
            leader.click(By.cssSelector("#action-item-form button[type=submit]"));
            leader.sees(look.text("议定事项已立项", "The action item is raised"));
            leader.reloadUntil(look.text("落实率 0%：共 1 项", "Follow-up rate 0%: closed 0 of 1"), EVENTS);
            // the item's appeal was filed (and perhaps routed already): its live status has left "raised"
            List<String> live = look.english()
                    ? List.of("Filed as an appeal", "Dispatched", "In progress")
                    : List.of("已转为诉求", "已派单", "办理中");
            reloadUntil(leader, () -> live.stream().anyMatch(leader.mainText()::contains), EVENTS);
            assertThat(leader.mainText()).containsAnyOf(live.toArray(String[]::new));
            leader.sees(decision);
            leader.screenshot("action-item-raised");

            // the chain both ways: from the meeting to the appeal the item became, and from the appeal back
            leader.click(By.cssSelector("#main a[href^='/appeals/']"));
            leader.waitForPath("/appeals/[0-9a-f-]{36}");
            appealPath = leader.path();
            leader.sees(look.text("由早餐会议定事项转来", "Raised at a breakfast meeting"));
            leader.click(By.id("appeal-to-meeting"));
            leader.waitForPath(meetingPath);
        }

        // a supervisor opens the chain view of the item's appeal: the decision, its owner and due date, and on to
        // the appeal again
        try (Browser supervisor = Browser.open(look, platform.portal(), "meeting-5-chain")) {
            supervisor.signIn("supervisor");
            supervisor.waitForPath("/supervisor");
            supervisor.go(appealPath);
            supervisor.click(By.id("appeal-to-chain"));
            supervisor.waitForPath(appealPath + "/chain");
            supervisor.reloadUntil(decision, EVENTS);
            assertThat(supervisor.find(By.id("chain-decision")).getText()).contains(decision);
            assertThat(supervisor.find(By.id("chain-due-on")).getText())
                    .isEqualTo(LocalDate.now(city).plusDays(30).toString());
            supervisor.sees(theme);
            supervisor.screenshot("chain");
            supervisor.click(By.id("chain-appeal-link"));
            supervisor.waitForPath(appealPath);
            supervisor.find(By.id("appeal-to-chain"));
        }
    }

    /** Waits out the last minutes of a day in Beijing, where two agenda slots no longer fit before midnight. */
    private static void awayFromMidnight(ZoneId city) {
        LocalTime now = LocalTime.now(city);
        if (now.isAfter(LocalTime.of(23, 52))) {
            try {
                Thread.sleep(Duration.between(now, LocalTime.MAX).toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Reloads the page until {@code done} (or the patience is spent; the caller's assertion then says what is not). */
    private static void reloadUntil(Browser browser, BooleanSupplier done, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            browser.driver().navigate().refresh();
        }
    }

    /** The leader schedules the meeting and invites enterprise A through the meetings API; returns its page. */
    private static String scheduleThroughTheApi(BrowserPlatform platform, String theme, Instant startsAt) {
        String token = new OidcLogin(platform.platform().issuer().toString()).userToken("leader", Browser.PASSWORD);
        String base = platform.platform().service("meetings").baseUrl().toString();
        HttpApi meetings = new HttpApi(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        HttpApi.Response scheduled = meetings.post("/api/meetings")
                .token(token)
                .body(Map.of(
                        "theme", theme,
                        "venue", "市政府第二会议室",
                        "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plus(Duration.ofHours(1)).toString(),
                        "capacity", 20,
                        "departmentIds", List.of("natural-resources", "industry-it"),
                        "topicCutOffAt", startsAt.toString()))
                .send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String id = scheduled.json().get("id").asText();
        HttpApi.Response invited = meetings.post("/api/meetings/" + id + "/invitations")
                .token(token)
                .header("If-Match", "\"" + scheduled.json().get("version").asLong() + "\"")
                .body(Map.of("enterpriseIds", List.of("91150200MA0QA0001T")))
                .send();
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
        return "/leader/meetings/" + id;
    }
}
