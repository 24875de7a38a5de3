package cn.qinqing.language.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An official was renamed or moved to another department; carries the whole new state and the former department. */
@Revision("1")
public record OfficialChangedEvent(
        String officialId, String name, String departmentId, String previousDepartmentId, Instant changedAt) {}
