package cn.qinqing.appeals.enterprise.query;

import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(EnterpriseProjection.GROUP)
class EnterpriseProjection {

    static final String GROUP = "appeals-enterprises";

    private final JdbcTemplate jdbc;

    EnterpriseProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EnterpriseRegisteredEvent event) {
        var contact = event.contact();
        jdbc.update(
                "INSERT INTO enterprise_view (enterprise_id, name, chain_position, district, contact_name,"
                        + " contact_phone, contact_email, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (enterprise_id) DO NOTHING",
                event.enterpriseId(),
                event.name(),
                event.chainPosition().name(),
                event.district(),
                contact == null ? null : contact.name(),
                contact == null ? null : contact.phone(),
                contact == null ? null : contact.email(),
                java.sql.Timestamp.from(event.registeredAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM enterprise_view");
    }
}
