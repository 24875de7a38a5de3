package cn.qinqing.assignment.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dispatch and sign-for limits of the SLA tiers an administrator set in the resolution service (ADR 0016), kept
 * by {@link SlaTiersProjection}: the setting in force for an appeal filed at an instant (effective and recorded by
 * then, the latest effective date winning), as the resolution service chooses a case's tier.
 */
@Component
public class SlaTierClocks {

    private final JdbcTemplate jdbc;

    SlaTierClocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tier's own limits; either may be null (the configured default applies). */
    public record Clocks(Integer dispatchHours, Integer signForDays) {}

    public Optional<Clocks> inForce(String category, String urgency, Instant filedAt) {
        Timestamp at = Timestamp.from(filedAt);
        return jdbc
                .query(
                        "SELECT dispatch_hours, sign_for_days FROM sla_tier WHERE category = ? AND urgency = ?"
                                + " AND effective_start <= ? AND set_at <= ?"
                                + " ORDER BY effective_start DESC, version DESC LIMIT 1",
                        (row, number) -> new Clocks(
                                row.getObject("dispatch_hours", Integer.class),
                                row.getObject("sign_for_days", Integer.class)),
                        category,
                        urgency,
                        at,
                        at)
                .stream()
                .findFirst();
    }
}
