package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The host accepted the topic: it may go on the agenda. */
@Revision("1")
public record TopicAcceptedEvent(UUID meetingId, UUID topicId, String enterpriseId, Instant acceptedAt) {}
