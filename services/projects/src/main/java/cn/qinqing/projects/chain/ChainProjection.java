package cn.qinqing.projects.chain;

import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.directory.EnterpriseLiaisonChangedEvent;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the chain view knows of the other contexts: the enterprises registered on the platform (appeals service) with
 * their place in the chain, which of them the directory (assignment service) marks as key enterprises — the chain
 * masters (ADR 0018) — and every appeal with its enterprise, open until closed or withdrawn. Every write is
 * idempotent: a redelivered event or a replay leaves the same rows.
 */
@Component
@ProcessingGroup(ChainProjection.GROUP)
class ChainProjection {

    static final String GROUP = "projects-chain";

    private final JdbcTemplate jdbc;

    ChainProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EnterpriseRegisteredEvent event) {
        jdbc.update(
                "INSERT INTO chain_enterprise (enterprise_id, name, chain_position, district, registered_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (enterprise_id) DO NOTHING",
                event.enterpriseId(),
                event.name(),
                event.chainPosition().name(),
                event.district(),
                Timestamp.from(event.registeredAt()));
    }

    /** The latest word of the directory on an enterprise wins; a replay ends on the same word. */
    @EventHandler
    void on(EnterpriseLiaisonChangedEvent event) {
        jdbc.update(
                "INSERT INTO chain_master (enterprise_id, chain_master, changed_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (enterprise_id) DO UPDATE SET chain_master = excluded.chain_master,"
                        + " changed_at = excluded.changed_at WHERE chain_master.changed_at <= excluded.changed_at",
                event.enterpriseId(),
                event.keyEnterprise(),
                Timestamp.from(event.changedAt()));
    }

    @EventHandler
    void on(AppealFiledEvent event) {
        jdbc.update(
                "INSERT INTO chain_appeal (appeal_id, enterprise_id, title, filed_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (appeal_id) DO NOTHING",
                event.appealId(),
                event.enterpriseId(),
                event.title(),
                Timestamp.from(event.filedAt()));
    }

    @EventHandler
    void on(AppealClosedEvent event) {
        ended(event.appealId(), event.closedAt());
    }

    @EventHandler
    void on(AppealWithdrawnEvent event) {
        ended(event.appealId(), event.withdrawnAt());
    }

    /** An appeal reopened after it ended is open again (until its next close). */
    @EventHandler
    void on(AppealReopenedEvent event) {
        jdbc.update(
                "UPDATE chain_appeal SET ended_at = NULL WHERE appeal_id = ? AND ended_at <= ?",
                event.appealId(),
                Timestamp.from(event.reopenedAt()));
    }

    private void ended(UUID appealId, Instant at) {
        jdbc.update("UPDATE chain_appeal SET ended_at = ? WHERE appeal_id = ?", Timestamp.from(at), appealId);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE chain_enterprise, chain_master, chain_appeal");
    }
}
