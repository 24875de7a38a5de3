package cn.qinqing.resolution.slatier.query;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.resolution.SlaTierSetEvent;
import java.sql.Date;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every setting of every SLA tier, in {@code sla_tier_version}; a redelivered event changes nothing. */
@Component
@ProcessingGroup(SlaTierProjection.GROUP)
class SlaTierProjection {

    static final String GROUP = "resolution-sla-tiers";

    private final JdbcTemplate jdbc;

    SlaTierProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SlaTierSetEvent event, @SequenceNumber long version) {
        jdbc.update(
                "INSERT INTO sla_tier_version (tier_id, version, category, urgency, first_contact_days,"
                        + " resolution_days, dispatch_hours, sign_for_days, effective_from, effective_start, basis,"
                        + " set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (tier_id, version) DO NOTHING",
                event.tierId(),
                version,
                event.category().name(),
                event.urgency().name(),
                event.firstContactDays(),
                event.resolutionDays(),
                event.dispatchHours(),
                event.signForDays(),
                Date.valueOf(event.effectiveFrom()),
                Timestamp.from(
                        event.effectiveFrom().atStartOfDay(WorkingCalendar.ZONE).toInstant()),
                event.basis(),
                event.setBy(),
                Timestamp.from(event.setAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM sla_tier_version");
    }
}
