package cn.qinqing.oversight.history;

import java.time.Instant;
import java.util.UUID;

/**
 * What an appeal is about, for filters and lists.
 *
 * @param district the district the routing used, else the enterprise's registered district
 */
public record AppealDimension(
        UUID appealId,
        String enterpriseId,
        String enterpriseName,
        String title,
        String category,
        String urgency,
        String source,
        String district,
        Instant filedAt) {

    public static AppealDimension unknown(UUID appealId) {
        return new AppealDimension(appealId, null, null, null, null, null, null, null, null);
    }
}
