package cn.qinqing.meetings.meeting.web;

import cn.qinqing.meetings.meeting.query.MeetingView;
import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
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
 * The iCalendar file (RFC 5545) an invitee imports: one VEVENT with a UID that stays the same for the meeting, start
 * and end in UTC, the theme as summary and the venue as location.
 *
 * <p>ical4j builds and escapes the content; the lines are folded here, because ical4j folds after 73 characters
 * where RFC 5545 counts 75 octets, and one Chinese character is three octets in UTF-8.
 */
final class InvitationCalendar {

    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    static final int MAX_OCTETS = 75;

    private InvitationCalendar() {}

    static String of(MeetingView meeting) {
        VEvent event = new VEvent(false); // DTSTAMP is the meeting's, not the moment of the download
        event.add(new Uid("meeting-" + meeting.id() + "@qinqing.cn"));
        event.add(new DtStamp(meeting.scheduledAt()));
        event.add(new DtStart<>(meeting.startsAt()));
        event.add(new DtEnd<>(meeting.endsAt()));
        event.add(new Summary("政商恳谈早餐会：" + meeting.theme()));
        event.add(new Sequence(0));
        event.add(new Location(meeting.venue()));
        event.add(new Description("Government–business breakfast meeting hosted by " + meeting.hostLeaderId()
                + ". Topics may be proposed until the cut-off; the agenda is published on the Qinqing platform."));
        event.add(meeting.closedAt() == null ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_CANCELLED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Qinqing//Breakfast meetings//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        return fold(calendar.toString());
    }

    /**
     * Folds every content line longer than 75 octets (RFC 5545 §3.1): CRLF and a space before the octet that would
     * make it longer, never inside a UTF-8 sequence. Every line ends in CRLF.
     */
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
                if (octets + width > MAX_OCTETS) {
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
