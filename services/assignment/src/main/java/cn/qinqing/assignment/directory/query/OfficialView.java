package cn.qinqing.assignment.directory.query;

import java.time.Instant;

public record OfficialView(
        String officialId, String name, String departmentId, Instant registeredAt, Instant updatedAt, long version) {}
