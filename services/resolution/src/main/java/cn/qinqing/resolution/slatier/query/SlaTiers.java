package cn.qinqing.resolution.slatier.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SLA tiers' read model: each tier's history, and the version in force for a case that began at an instant. */
@Component
public class SlaTiers {

    public static final String PROCESSING_GROUP = SlaTierProjection.GROUP;

    private static final String COLUMNS = "category, urgency, version, first_contact_days, resolution_days,"
            + " dispatch_hours, sign_for_days, effective_from, basis, set_by, set_at";

    private final JdbcTemplate jdbc;

    SlaTiers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The version of the tier in force for a case that began at {@code began}: effective by then and set by then (so
     * that a later setting never changes what an earlier case counts with), the latest effective date winning.
     */
    public Optional<TierVersion> inForce(String category, String urgency, Instant began) {
        Timestamp at = Timestamp.from(began);
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM sla_tier_version WHERE category = ? AND urgency = ?"
                                + " AND effective_start <= ? AND set_at <= ?"
                                + " ORDER BY effective_from DESC, version DESC LIMIT 1",
                        SlaTiers::version,
                        category,
                        urgency,
                        at,
                        at)
                .stream()
                .findFirst();
    }

    /** The latest setting of each tier that has one (its version is the tier's ETag). */
    public List<TierVersion> latest() {
        return jdbc.query(
                "SELECT DISTINCT ON (category, urgency) " + COLUMNS + " FROM sla_tier_version"
                        + " ORDER BY category, urgency, version DESC",
                SlaTiers::version);
    }

    /** Every setting, latest first; of one category and urgency when given. */
    public List<TierVersion> history(String category, String urgency, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM sla_tier_version WHERE (CAST(? AS VARCHAR) IS NULL OR category = ?)"
                        + " AND (CAST(? AS VARCHAR) IS NULL OR urgency = ?) ORDER BY set_at DESC, version DESC LIMIT ?",
                SlaTiers::version,
                category,
                category,
                urgency,
                urgency,
                limit);
    }

    private static TierVersion version(ResultSet row, int number) throws SQLException {
        return new TierVersion(
                row.getString("category"),
                row.getString("urgency"),
                row.getLong("version"),
                row.getInt("first_contact_days"),
                row.getInt("resolution_days"),
                row.getObject("dispatch_hours", Integer.class),
                row.getObject("sign_for_days", Integer.class),
                row.getDate("effective_from").toLocalDate(),
                row.getString("basis"),
                row.getString("set_by"),
                row.getTimestamp("set_at").toInstant());
    }
}
