package cn.qinqing.notifications.notice;

import cn.qinqing.notifications.people.Directory;
import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The .ics attached to an invitation e-mail (RFC 5545): the same UID as the meetings service's calendar download
 * ({@code meeting-<id>@qinqing.cn}), so that a calendar merges the two; lines folded at 75 octets, never inside a UTF-8
 * sequence (ical4j counts characters).
 */
final class MeetingCalendar {

    static final String FILE_NAME = "invitation.ics";

    private MeetingCalendar() {}

    static byte[] of(Directory.Meeting meeting) {
        VEvent event = new VEvent(false);
        event.add(new Uid("meeting-" + meeting.id() + "@qinqing.cn"));
        event.add(new DtStamp(meeting.scheduledAt()));
        event.add(new DtStart<>(meeting.startsAt()));
        event.add(new DtEnd<>(meeting.endsAt()));
        event.add(new Summary("政商恳谈早餐会：" + meeting.theme()));
        event.add(new Sequence(0));
        event.add(new Location(meeting.venue()));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Qinqing//Notifications//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        return fold(calendar.toString()).getBytes(StandardCharsets.UTF_8);
    }

    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n|\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + width > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += width;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
