package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An invited enterprise proposed a topic (议题) before the cut-off.
 *
 * @param linkedAppealId one of the enterprise's own appeals the topic is about, or null. Deliberately not named
 *     {@code appealId}: the topic is the meeting's, and must stay in the meeting's order, not the appeal's.
 */
@Revision("1")
public record TopicProposedEvent(
        UUID meetingId,
        UUID topicId,
        String enterpriseId,
        String title,
        String description,
        UUID linkedAppealId,
        Instant proposedAt) {}
