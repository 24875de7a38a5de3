package cn.qinqing.language.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A key project reached a milestone on {@code reachedOn} (its actual date, Asia/Shanghai), as a leader or official of
 * the responsible department recorded it.
 *
 * @param plannedOn the date it was planned for
 */
@Revision("1")
public record MilestoneReachedEvent(
        UUID projectId,
        Milestone milestone,
        LocalDate plannedOn,
        LocalDate reachedOn,
        String note,
        Instant recordedAt) {}
