package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An enterprise was invited to the meeting (邀请); it may accept or decline. */
@Revision("1")
public record InvitationSentEvent(UUID meetingId, String enterpriseId, InvitationSelection selection, Instant sentAt) {}
