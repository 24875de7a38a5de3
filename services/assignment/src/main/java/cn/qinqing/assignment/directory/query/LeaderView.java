package cn.qinqing.assignment.directory.query;

import cn.qinqing.language.directory.LeaderRank;
import java.time.Instant;

/**
 * @param departmentId the department the leader heads, if any
 * @param superiorLeaderId the next leader up; null at the top
 * @param version the leader's aggregate version, its ETag
 */
public record LeaderView(
        String leaderId,
        String name,
        String title,
        LeaderRank rank,
        String departmentId,
        String superiorLeaderId,
        Instant registeredAt,
        Instant updatedAt,
        long version) {}
