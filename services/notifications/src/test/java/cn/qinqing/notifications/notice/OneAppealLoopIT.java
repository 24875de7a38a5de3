package cn.qinqing.notifications.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.language.meeting.InvitationSelection;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.language.resolution.DeadlineApproachingEvent;
import cn.qinqing.language.resolution.DeadlineKind;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.notifications.NotificationsTestBase;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One appeal from filing to close-out tells each party what it should hear, in the feed and by e-mail (read back over
 * IMAP), and nobody what they may not see; a replay of the processor sends nothing new.
 */
class OneAppealLoopIT extends NotificationsTestBase {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void oneAppealTellsEachPartyWhatItShouldHearAndNothingElse() throws Exception {
        UUID appeal = UUID.randomUUID();
        String title = "光伏组件厂房用电增容 " + appeal.toString().substring(0, 8);
        Instant now = Instant.now();
        // the leader took charge before the case moved on
        append(
                "Appeal",
                appeal.toString(),
                0,
                new AppealFiledEvent(
                        appeal,
                        ENTERPRISE_A,
                        title,
                        "申请用电增容 2000 kVA。",
                        AppealCategory.POWER,
                        Urgency.NORMAL,
                        List.of(),
                        AppealSource.ONLINE,
                        null,
                        false,
                        now));
        append("Assignment", appeal.toString(), 0, new LeaderTookChargeEvent(appeal, "leader-n", now));
        append(
                "Assignment",
                appeal.toString(),
                1,
                new AppealDispatchedEvent(
                        appeal,
                        DEPARTMENT,
                        RoutingMode.AUTOMATIC,
                        null,
                        null,
                        Urgency.NORMAL,
                        now,
                        now.plusSeconds(86400)));
        append("Assignment", appeal.toString(), 2, new AppealSignedForEvent(appeal, DEPARTMENT, OFFICIAL, now, true));
        append(
                "CaseFile",
                appeal.toString(),
                0,
                new ProgressNotedEvent(appeal, UUID.randomUUID(), OFFICIAL, "内部：与供电公司协调中，勿告知企业", false, false, now));
        append(
                "CaseFile",
                appeal.toString(),
                1,
                new ProgressNotedEvent(appeal, UUID.randomUUID(), OFFICIAL, "已联系供电公司现场踏勘。", true, true, now));
        append(
                "CaseFile",
                appeal.toString(),
                2,
                new DeadlineApproachingEvent(
                        appeal, DeadlineKind.RESOLUTION, DEPARTMENT, now.plus(Duration.ofDays(1)), now));
        append(
                "Appeal",
                appeal.toString(),
                1,
                new AppealAnsweredEvent(
                        appeal,
                        ENTERPRISE_A,
                        DEPARTMENT,
                        1,
                        "增容方案已批复，下周施工。",
                        Outcome.SOLVED,
                        null,
                        null,
                        now,
                        now.plus(Duration.ofDays(7))));
        append("Appeal", appeal.toString(), 2, new AppealClosedEvent(appeal, ENTERPRISE_A, now));

        await().untilAsserted(() -> assertThat(kinds(feed(userA), appeal)).hasSize(5));
        assertThat(kinds(feed(userA), appeal))
                .containsExactlyInAnyOrder(
                        "APPEAL_ROUTED", "APPEAL_SIGNED_FOR", "APPEAL_NOTED", "APPEAL_ANSWERED", "APPEAL_CLOSED");
        await().untilAsserted(() -> assertThat(kinds(feed(official), appeal))
                .containsExactlyInAnyOrder("CASE_ARRIVED", "DEADLINE_APPROACHING"));
        await().untilAsserted(() -> assertThat(kinds(feed(leader), appeal)).hasSize(3));
        assertThat(kinds(feed(userB), appeal))
                .as("another enterprise hears nothing")
                .isEmpty();
        // what the portal's feed page reads (its ServiceContractsTest holds its records against this sample)
        ContractSamples.verify("notifications", "feed", feed(userA));
        // the internal note never reaches the enterprise, in any channel
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notification WHERE appeal_id = ? AND body LIKE '%勿告知企业%'",
                        Long.class, appeal))
                .isZero();

        // e-mail: the enterprise's registered contact, the official's own address; nothing to the other enterprise
        await().untilAsserted(() -> assertThat(subjects(MAIL_A, title)).hasSize(5));
        assertThat(subjects(MAIL_A, title)).contains("您的诉求已答复：" + title, "您的诉求已办结：" + title);
        String answered = inbox(MAIL_A, messages -> bodyOf(messages, "您的诉求已答复：" + title));
        assertThat(answered).contains("增容方案已批复").contains("http://localhost:8080/appeals/" + appeal);
        await().untilAsserted(() -> assertThat(subjects(OFFICIAL_MAIL, title))
                .containsExactlyInAnyOrder("新诉求待签收：" + title, "临期预警：" + title));
        assertThat(subjects(MAIL_B, title)).isEmpty();

        // a replay of the processor from the first event sends nothing new
        long rows = jdbc.queryForObject("SELECT count(*) FROM notification", Long.class);
        int mails = mail.getReceivedMessages().length;
        StreamingEventProcessor processor = processing
                .eventProcessor("notifications", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        UUID marker = UUID.randomUUID();
        append(
                "Appeal",
                marker.toString(),
                0,
                new AppealFiledEvent(
                        marker,
                        ENTERPRISE_B,
                        "marker",
                        "after the replay",
                        AppealCategory.POWER,
                        Urgency.NORMAL,
                        List.of(),
                        AppealSource.ONLINE,
                        null,
                        false,
                        Instant.now()));
        await().until(() -> !processor.isReplaying()
                && jdbc.queryForObject("SELECT count(*) FROM appeal_party WHERE appeal_id = ?", Long.class, marker)
                        == 1);
        Thread.sleep(500); // one more poll of the outbox
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification", Long.class))
                .isEqualTo(rows);
        assertThat(mail.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void anInvitationArrivesInEnglishWithTheMeetingsCalendarFileAttached() throws Exception {
        var english = api.put("/api/notifications/preferences")
                .token(tokens.enterprise("user-b2", ENTERPRISE_B))
                .body(Map.of("language", "en", "kinds", List.of()))
                .send();
        assertThat(english.status()).isEqualTo(200);
        UUID meeting = UUID.randomUUID();
        String theme = "Wafers and cells " + meeting.toString().substring(0, 8);
        Instant starts = Instant.now().plus(Duration.ofDays(10));
        append(
                "BreakfastMeeting",
                meeting.toString(),
                0,
                new MeetingScheduledEvent(
                        meeting,
                        "leader-n",
                        theme,
                        "市政府第一会议室",
                        starts,
                        starts.plus(Duration.ofMinutes(90)),
                        20,
                        List.of(DEPARTMENT),
                        starts.minus(Duration.ofDays(3)),
                        Instant.now()));
        append(
                "BreakfastMeeting",
                meeting.toString(),
                1,
                new InvitationSentEvent(meeting, ENTERPRISE_B, InvitationSelection.BY_HAND, Instant.now()));

        String subject = "Invitation to a breakfast meeting: " + theme;
        await().untilAsserted(() -> assertThat(subjects(MAIL_B, theme)).containsExactly(subject));
        String calendar = inbox(MAIL_B, messages -> attachmentOf(messages, subject));
        assertThat(calendar)
                .contains("BEGIN:VCALENDAR")
                .contains("UID:meeting-" + meeting + "@qinqing.cn")
                .contains("LOCATION:市政府第一会议室");
        JsonNode feed = feed(userB);
        assertThat(StreamSupport.stream(feed.spliterator(), false)
                        .filter(n -> n.get("kind").asText().equals("MEETING_INVITATION"))
                        .map(n -> n.get("link").asText()))
                .contains("http://localhost:8080/enterprise/meetings/" + meeting);
        assertThat(subjects(MAIL_A, theme)).as("only the invitee").isEmpty();
    }

    private JsonNode feed(String token) {
        var response = api.get("/api/notifications?limit=200").token(token).send();
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> kinds(JsonNode feed, UUID appeal) {
        List<String> kinds = new ArrayList<>();
        feed.forEach(n -> {
            if (appeal.toString().equals(n.path("appealId").asText())) {
                kinds.add(n.get("kind").asText());
            }
        });
        return kinds;
    }

    private static List<String> subjects(String address, String containing) {
        return inbox(address, messages -> {
            List<String> subjects = new ArrayList<>();
            for (Message message : messages) {
                try {
                    if (message.getSubject().contains(containing)) {
                        subjects.add(message.getSubject());
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return subjects;
        });
    }

    private static String bodyOf(Message[] messages, String subject) {
        try {
            for (Message message : messages) {
                if (message.getSubject().equals(subject)) {
                    return text(message);
                }
            }
            throw new AssertionError("no message " + subject);
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws jakarta.mail.MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        StringBuilder all = new StringBuilder();
        Multipart multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            all.append(text(multipart.getBodyPart(i)));
        }
        return all.toString();
    }

    private static String attachmentOf(Message[] messages, String subject) {
        try {
            for (Message message : messages) {
                if (message.getSubject().equals(subject)) {
                    Multipart multipart = (Multipart) message.getContent();
                    for (int i = 0; i < multipart.getCount(); i++) {
                        Part part = multipart.getBodyPart(i);
                        if ("invitation.ics".equals(part.getFileName())) {
                            assertThat(part.getContentType()).startsWith("text/calendar");
                            return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        }
                    }
                }
            }
            throw new AssertionError("no attachment on " + subject);
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
