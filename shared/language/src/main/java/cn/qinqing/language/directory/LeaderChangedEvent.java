package cn.qinqing.language.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A leader's post, rank, department or superior changed. Carries the whole new state and the superior it replaced.
 */
@Revision("1")
public record LeaderChangedEvent(
        String leaderId,
        String name,
        String title,
        LeaderRank rank,
        String departmentId,
        String superiorLeaderId,
        String previousSuperiorLeaderId,
        Instant changedAt) {}
