package cn.qinqing.assignment.directory.query;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The enterprises as the assignment service knows them: where they sit in the industry chain and which district they
 * are in (what routing needs), and how the city looks after them (liaison leader, key enterprise).
 */
@Repository
public class Enterprises {

    private static final String SELECT = "SELECT coalesce(e.enterprise_id, l.enterprise_id) AS id, e.name,"
            + " e.chain_position, e.district, e.registered_at, l.liaison_leader_id, l.key_enterprise, l.version"
            + " FROM enterprise_view e FULL OUTER JOIN liaison_view l ON l.enterprise_id = e.enterprise_id";

    private final JdbcTemplate jdbc;

    Enterprises(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a registration. Both the directory projection and the routing reaction call it (the reaction so that it
     * knows an enterprise before that enterprise's first appeal, whatever the projection's pace): same row, same
     * content, first writer wins.
     */
    public void remember(EnterpriseRegisteredEvent event) {
        jdbc.update(
                "INSERT INTO enterprise_view (enterprise_id, name, chain_position, district, registered_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (enterprise_id) DO NOTHING",
                event.enterpriseId(),
                event.name(),
                event.chainPosition().name(),
                event.district(),
                Timestamp.from(event.registeredAt()));
    }

    public Optional<EnterpriseView> find(String enterpriseId) {
        return jdbc
                .query(
                        SELECT + " WHERE e.enterprise_id = ? OR l.enterprise_id = ?",
                        Enterprises::map,
                        enterpriseId,
                        enterpriseId)
                .stream()
                .findFirst();
    }

    public List<EnterpriseView> all() {
        return jdbc.query(SELECT + " ORDER BY e.name NULLS LAST, id", Enterprises::map);
    }

    private static EnterpriseView map(ResultSet rs, int row) throws SQLException {
        String chain = rs.getString("chain_position");
        Timestamp registered = rs.getTimestamp("registered_at");
        Object key = rs.getObject("key_enterprise");
        Object version = rs.getObject("version");
        return new EnterpriseView(
                rs.getString("id"),
                rs.getString("name"),
                chain == null ? null : IndustryChainPosition.valueOf(chain),
                rs.getString("district"),
                registered == null ? null : registered.toInstant(),
                rs.getString("liaison_leader_id"),
                Boolean.TRUE.equals(key),
                version == null ? null : ((Number) version).longValue());
    }
}
