package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The host declined the topic, with the reason the enterprise is shown. */
@Revision("1")
public record TopicDeclinedEvent(
        UUID meetingId, UUID topicId, String enterpriseId, String reason, Instant declinedAt) {}
