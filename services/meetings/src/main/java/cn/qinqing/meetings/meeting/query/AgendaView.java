package cn.qinqing.meetings.meeting.query;

import cn.qinqing.language.meeting.AgendaItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The agenda in force and every earlier version of it, so that changes after publication are visible.
 *
 * @param revision 1 as published, one more for each change
 * @param history every revision, the first one first, each with the reason it changed
 */
public record AgendaView(UUID meetingId, int revision, List<AgendaItem> items, List<Revision> history) {

    public record Revision(int revision, List<AgendaItem> items, String reason, Instant changedAt) {}
}
