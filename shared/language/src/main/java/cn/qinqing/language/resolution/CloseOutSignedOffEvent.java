package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The department head (or leader in charge) signed off the close-out (销号审核). */
@Revision("1")
public record CloseOutSignedOffEvent(UUID appealId, String leaderId, Instant signedOffAt) {}
