package cn.qinqing.meetings.directory.query;

import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.directory.EnterpriseLiaisonChangedEvent;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the meetings service needs to know of the appeals context: the registered enterprises with their place in the
 * industry chain (to invite by chain position), and which enterprise filed which appeal (a topic may link only the
 * proposing enterprise's own appeal); and of the assignment service's directory, which enterprises are key
 * enterprises (to invite them all at once).
 */
@Component
@ProcessingGroup(DirectoryProjection.GROUP)
class DirectoryProjection {

    static final String GROUP = "meetings-directory";

    private final JdbcTemplate jdbc;

    DirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EnterpriseRegisteredEvent event) {
        jdbc.update(
                "INSERT INTO enterprise_directory (enterprise_id, name, chain_position) VALUES (?, ?, ?)"
                        + " ON CONFLICT (enterprise_id) DO NOTHING",
                event.enterpriseId(),
                event.name(),
                event.chainPosition().name());
    }

    @EventHandler
    void on(AppealFiledEvent event) {
        jdbc.update(
                "INSERT INTO appeal_owner (appeal_id, enterprise_id) VALUES (?, ?) ON CONFLICT (appeal_id) DO NOTHING",
                event.appealId(),
                event.enterpriseId());
    }

    /** The latest word on an enterprise wins; a replay ends on the same word. */
    @EventHandler
    void on(EnterpriseLiaisonChangedEvent event) {
        jdbc.update(
                "INSERT INTO key_enterprise (enterprise_id, key_enterprise, liaison_leader_id, changed_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (enterprise_id) DO UPDATE"
                        + " SET key_enterprise = excluded.key_enterprise,"
                        + " liaison_leader_id = excluded.liaison_leader_id, changed_at = excluded.changed_at"
                        + " WHERE key_enterprise.changed_at <= excluded.changed_at",
                event.enterpriseId(),
                event.keyEnterprise(),
                event.liaisonLeaderId(),
                java.sql.Timestamp.from(event.changedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM key_enterprise");
        jdbc.update("DELETE FROM appeal_owner");
        jdbc.update("DELETE FROM enterprise_directory");
    }
}
