package cn.qinqing.language.assignment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The holding department signed for the appeal (签收): it is now theirs to resolve, and the resolution clock starts.
 *
 * @param officialId the official who signed; the enterprise is shown the department, never the official
 * @param withinLimit whether it was signed by its sign-for due time
 */
@Revision("1")
public record AppealSignedForEvent(
        UUID appealId, String departmentId, String officialId, Instant signedAt, boolean withinLimit) {}
