package cn.qinqing.portal.enterprise;

import java.util.List;

/** The statuses an enterprise can filter its appeals by (labels in the bundles as {@code status.<STATUS>}). */
final class AppealStatuses {

    static final List<String> ENTERPRISE_FILTER =
            List.of("FILED", "DISPATCHED", "SIGNED_FOR", "IN_PROGRESS", "ANSWERED", "CLOSED", "REOPENED", "WITHDRAWN");

    private AppealStatuses() {}
}
