package cn.qinqing.language.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A department was renamed or moved in the hierarchy. Carries the whole new state and what it replaced, so that a
 * reader needs no earlier event to show the change.
 */
@Revision("1")
public record DepartmentChangedEvent(
        String departmentId,
        String name,
        String parentDepartmentId,
        String previousName,
        String previousParentDepartmentId,
        Instant changedAt) {}
