package cn.qinqing.oversight.chain;

import cn.qinqing.language.meeting.MeetingScheduledEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The breakfast meetings an enterprise was invited to, and whether it attended: for a liaison leader's view. */
@Service
public class EnterpriseMeetings {

    /**
     * One enterprise at one meeting.
     *
     * @param invitation what it answered: INVITED, ACCEPTED, DECLINED (null: named in the minutes only)
     * @param attended named in the minutes' attendance, or (before minutes) accepted the invitation
     * @param actionItems action items raised for it at the meeting
     */
    public record MeetingAttendance(
            UUID meetingId,
            String theme,
            Instant startsAt,
            String enterpriseId,
            String invitation,
            boolean attended,
            long actionItems) {}

    private final MeetingLog log;

    EnterpriseMeetings(MeetingLog log) {
        this.log = log;
    }

    /** Per enterprise and meeting it was invited to or attended (recorded by {@code asOf}), latest meeting first. */
    public List<MeetingAttendance> of(Collection<String> enterpriseIds, Instant asOf) {
        List<MeetingAttendance> rows = new ArrayList<>();
        for (MeetingRecord meeting : log.ofEnterprises(enterpriseIds, asOf)) {
            for (String enterprise : enterpriseIds) {
                String invitation = meeting.invitation(enterprise);
                boolean attended = meeting.attendedBy(enterprise);
                long items = meeting.actionItemsFor(enterprise);
                if (invitation == null && !attended && items == 0) {
                    continue;
                }
                rows.add(new MeetingAttendance(
                        meeting.meetingId(),
                        meeting.scheduled().map(MeetingScheduledEvent::theme).orElse(null),
                        meeting.scheduled().map(MeetingScheduledEvent::startsAt).orElse(null),
                        enterprise,
                        invitation,
                        attended,
                        items));
            }
        }
        rows.sort(
                Comparator.comparing((MeetingAttendance row) -> row.startsAt() == null ? Instant.EPOCH : row.startsAt())
                        .reversed()
                        .thenComparing(MeetingAttendance::enterpriseId));
        return rows;
    }
}
