package cn.qinqing.language.assignment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The department returned the appeal to dispatch (退回) because it is not theirs; it goes back to the queue. */
@Revision("1")
public record AppealReturnedEvent(
        UUID appealId, String departmentId, String officialId, String reason, Instant returnedAt) {}
