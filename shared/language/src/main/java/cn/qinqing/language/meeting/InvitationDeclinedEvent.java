package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The invited enterprise will not attend; its seat is free again. */
@Revision("1")
public record InvitationDeclinedEvent(UUID meetingId, String enterpriseId, String reason, Instant declinedAt) {}
