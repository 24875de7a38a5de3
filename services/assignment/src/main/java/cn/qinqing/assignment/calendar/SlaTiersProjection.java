package cn.qinqing.assignment.calendar;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.resolution.SlaTierSetEvent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every setting of the SLA tiers, for their dispatch and sign-for limits; a redelivered event changes nothing. */
@Component
@ProcessingGroup(SlaTiersProjection.GROUP)
class SlaTiersProjection {

    static final String GROUP = "assignment-sla-tiers";

    private final JdbcTemplate jdbc;

    SlaTiersProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SlaTierSetEvent event, @SequenceNumber long version) {
        jdbc.update(
                "INSERT INTO sla_tier (category, urgency, version, dispatch_hours, sign_for_days, effective_start,"
                        + " set_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (category, urgency, version) DO NOTHING",
                event.category().name(),
                event.urgency().name(),
                version,
                event.dispatchHours(),
                event.signForDays(),
                Timestamp.from(
                        event.effectiveFrom().atStartOfDay(WorkingCalendar.ZONE).toInstant()),
                Timestamp.from(event.setAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM sla_tier");
    }
}
