package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The last draft of the minutes was published; from now on they change only by a recorded correction. */
@Revision("1")
public record MinutesPublishedEvent(UUID meetingId, Instant publishedAt) {}
