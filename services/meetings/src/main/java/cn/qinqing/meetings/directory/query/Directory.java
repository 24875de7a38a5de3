package cn.qinqing.meetings.directory.query;

import cn.qinqing.language.IndustryChainPosition;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of what the meetings service knows about enterprises and their appeals. */
@Repository
public class Directory {

    public static final String PROCESSING_GROUP = DirectoryProjection.GROUP;

    private final JdbcTemplate jdbc;

    Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isRegistered(String enterpriseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM enterprise_directory WHERE enterprise_id = ?)",
                Boolean.class,
                enterpriseId));
    }

    /** The registered enterprises at any of these positions of the industry chain, by name. */
    public List<String> enterprisesAt(Collection<IndustryChainPosition> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList(
                "SELECT enterprise_id FROM enterprise_directory WHERE chain_position = ANY (?) ORDER BY name",
                String.class,
                (Object) positions.stream().map(Enum::name).toArray(String[]::new));
    }

    /** The registered enterprises the city flags as key enterprises, by name. */
    public List<String> keyEnterprises() {
        return jdbc.queryForList(
                "SELECT d.enterprise_id FROM enterprise_directory d JOIN key_enterprise k USING (enterprise_id)"
                        + " WHERE k.key_enterprise ORDER BY d.name",
                String.class);
    }

    public boolean filedBy(UUID appealId, String enterpriseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM appeal_owner WHERE appeal_id = ? AND enterprise_id = ?)",
                Boolean.class,
                appealId,
                enterpriseId));
    }
}
