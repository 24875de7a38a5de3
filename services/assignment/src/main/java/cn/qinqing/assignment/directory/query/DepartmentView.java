package cn.qinqing.assignment.directory.query;

import java.time.Instant;

/** @param version the department's aggregate version, its ETag */
public record DepartmentView(
        String departmentId,
        String name,
        String parentDepartmentId,
        Instant registeredAt,
        Instant updatedAt,
        long version) {}
