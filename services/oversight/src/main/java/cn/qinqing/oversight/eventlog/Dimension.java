package cn.qinqing.oversight.eventlog;

import java.time.Instant;
import java.util.UUID;

/**
 * What a fact tells about an appeal's dimensions.
 *
 * @param source who tells it: the filing is authoritative for what the enterprise filed, the routing for the
 *     district; anything else only fills gaps, so that the row ends the same whatever order the facts came in
 */
record Dimension(
        Source source,
        UUID appealId,
        String enterpriseId,
        String title,
        String category,
        String urgency,
        String appealSource,
        String district,
        String chainPosition,
        Instant filedAt) {

    enum Source {
        FILING,
        ROUTING,
        ACTION_ITEM
    }
}
