package cn.qinqing.appeals.enterprise.query;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.enterprise.Contact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the registered enterprises. */
@Repository
public class Enterprises {

    public static final String PROCESSING_GROUP = EnterpriseProjection.GROUP;

    private final JdbcTemplate jdbc;

    /**
     * Enterprises seen registered. A registration is never undone (there is no event for it), so a positive answer
     * stays true and is not asked again; a negative one is always asked, as the registration may just have arrived.
     * Bounded by the number of registered enterprises.
     */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    Enterprises(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EnterpriseView> find(String enterpriseId) {
        return jdbc
                .query("SELECT * FROM enterprise_view WHERE enterprise_id = ?", Enterprises::map, enterpriseId)
                .stream()
                .findFirst();
    }

    public boolean isRegistered(String enterpriseId) {
        if (registered.contains(enterpriseId)) {
            return true;
        }
        boolean found = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM enterprise_view WHERE enterprise_id = ?)", Boolean.class, enterpriseId));
        if (found) {
            registered.add(enterpriseId);
        }
        return found;
    }

    public List<EnterpriseView> all() {
        return jdbc.query("SELECT * FROM enterprise_view ORDER BY name", Enterprises::map);
    }

    private static EnterpriseView map(ResultSet rs, int row) throws SQLException {
        return new EnterpriseView(
                rs.getString("enterprise_id"),
                rs.getString("name"),
                IndustryChainPosition.valueOf(rs.getString("chain_position")),
                rs.getString("district"),
                new Contact(rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email")),
                rs.getTimestamp("registered_at").toInstant());
    }
}
