package cn.qinqing.language.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An official (经办人) joined the directory as a member of one department.
 *
 * @param officialId the official's user name, e.g. {@code official}
 */
@Revision("1")
public record OfficialRegisteredEvent(String officialId, String name, String departmentId, Instant registeredAt) {}
