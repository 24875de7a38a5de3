package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The meeting is closed: every action item it raised is closed (or the host closed a meeting that raised none).
 *
 * @param actionItems how many action items it raised, all closed
 */
@Revision("1")
public record MeetingClosedEvent(UUID meetingId, int actionItems, Instant closedAt) {}
