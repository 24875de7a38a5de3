package cn.qinqing.meetings.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.meetings.meeting.query.MeetingView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitationCalendarTest {

    static final UUID ID = UUID.fromString("3e0c6a52-8f2b-4d7e-9c41-5a1b2c3d4e01");

    static MeetingView meeting(String theme, String venue) {
        return new MeetingView(
                ID,
                "leader",
                theme,
                venue,
                Instant.parse("2026-12-10T23:30:00Z"),
                Instant.parse("2026-12-11T01:00:00Z"),
                12,
                List.of("industry-it"),
                Instant.parse("2026-12-09T10:00:00Z"),
                Instant.parse("2026-11-30T02:00:00Z"),
                0,
                "NONE",
                "SCHEDULED",
                null,
                3);
    }

    @Test
    void anInvitationIsOneEventWithAStableUidItsTimesInUtcTheThemeAndTheVenue() {
        String ics = InvitationCalendar.of(meeting("光伏产业链：硅片与电池片", "市政府第一会议室"));
        String unfolded = ics.replace("\r\n ", "");

        assertThat(unfolded).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(unfolded).contains("VERSION:2.0\r\n", "PRODID:-//Qinqing//Breakfast meetings//ZH\r\n");
        assertThat(unfolded.split("BEGIN:VEVENT", -1)).hasSize(2);
        assertThat(unfolded)
                .contains("UID:meeting-" + ID + "@qinqing.cn\r\n")
                .contains("DTSTART:20261210T233000Z\r\n")
                .contains("DTEND:20261211T010000Z\r\n")
                .contains("SUMMARY:政商恳谈早餐会：光伏产业链：硅片与电池片\r\n")
                .contains("LOCATION:市政府第一会议室\r\n");
        assertThat(InvitationCalendar.of(meeting("光伏产业链：硅片与电池片", "市政府第一会议室")))
                .as("the same meeting gives the same file, so that a calendar updates instead of duplicating")
                .isEqualTo(ics);
    }

    @Test
    void everyLineEndsInCrlfAndHoldsAtMost75Octets() {
        String longTheme = "光伏产业链：硅片与电池片，多晶硅、单晶拉棒、切片、电池片、组件与辅材企业的用电用地融资人才与物流问题专题恳谈 😀 end";
        String ics = InvitationCalendar.of(meeting(longTheme, "包头市人民政府第一会议室（稀土高新区阿尔丁大街）"));

        assertThat(ics).doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
        String[] lines = ics.split("\r\n");
        assertThat(Arrays.stream(lines).mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length))
                .allSatisfy(octets -> assertThat(octets).isLessThanOrEqualTo(75));
        assertThat(Arrays.stream(lines).filter(line -> line.startsWith(" ")).count())
                .as("the long summary was folded")
                .isGreaterThan(1);
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:政商恳谈早餐会：" + longTheme.replace(",", "\\,"));
    }

    @Test
    void foldingNeverSplitsACharacter() {
        String folded = InvitationCalendar.fold("X:" + "硅".repeat(40) + "😀".repeat(10) + "\r\n");

        assertThat(folded.replace("\r\n ", "")).isEqualTo("X:" + "硅".repeat(40) + "😀".repeat(10) + "\r\n");
        for (String line : folded.split("\r\n")) {
            assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(line);
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void aShortLineIsLeftAsItIs() {
        assertThat(InvitationCalendar.fold("BEGIN:VCALENDAR\nEND:VCALENDAR\n"))
                .isEqualTo("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    }
}
