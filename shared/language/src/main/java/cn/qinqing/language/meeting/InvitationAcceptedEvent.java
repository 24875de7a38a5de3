package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The invited enterprise will attend. */
@Revision("1")
public record InvitationAcceptedEvent(UUID meetingId, String enterpriseId, Instant acceptedAt) {}
