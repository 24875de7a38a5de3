package cn.qinqing.projects.project.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.UUID;

/**
 * A blocker raised on a project and the appeal it became.
 *
 * @param appealStatus RAISED (not yet filed), FILED, ANSWERED, REOPENED, CLOSED or WITHDRAWN
 */
public record BlockerView(
        UUID blockerId,
        UUID projectId,
        UUID appealId,
        String enterpriseId,
        String title,
        AppealCategory category,
        Urgency urgency,
        String raisedBy,
        Instant raisedAt,
        String appealStatus,
        Instant closedAt,
        boolean open) {}
