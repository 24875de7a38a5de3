package cn.qinqing.assignment.directory.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The routing rules: those in force now or at any past instant, and every version of one rule. */
@Repository
public class RoutingRules {

    private static final String ORDER =
            " ORDER BY category NULLS LAST, chain_position NULLS LAST," + " district NULLS LAST, valid_from, rule_id";

    private final JdbcTemplate jdbc;

    RoutingRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rules in force now. */
    public List<RoutingRuleView> inForce() {
        return jdbc.query("SELECT * FROM routing_rule_version WHERE valid_to IS NULL" + ORDER, RoutingRules::map);
    }

    /** The rules that were in force at the instant: each in the version it had then. */
    public List<RoutingRuleView> inForceAt(Instant instant) {
        Timestamp at = Timestamp.from(instant);
        return jdbc.query(
                "SELECT * FROM routing_rule_version WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"
                        + ORDER,
                RoutingRules::map,
                at,
                at);
    }

    /** The current version of a rule, if it is in force. */
    public Optional<RoutingRuleView> current(UUID ruleId) {
        return jdbc
                .query(
                        "SELECT * FROM routing_rule_version WHERE rule_id = ? AND valid_to IS NULL",
                        RoutingRules::map,
                        ruleId)
                .stream()
                .findFirst();
    }

    /** Every version of a rule, oldest first. */
    public List<RoutingRuleView> history(UUID ruleId) {
        return jdbc.query(
                "SELECT * FROM routing_rule_version WHERE rule_id = ? ORDER BY version", RoutingRules::map, ruleId);
    }

    private static RoutingRuleView map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        String chain = rs.getString("chain_position");
        Timestamp to = rs.getTimestamp("valid_to");
        return new RoutingRuleView(
                rs.getObject("rule_id", UUID.class),
                rs.getLong("version"),
                category == null ? null : AppealCategory.valueOf(category),
                chain == null ? null : IndustryChainPosition.valueOf(chain),
                rs.getString("district"),
                rs.getString("department_id"),
                rs.getTimestamp("valid_from").toInstant(),
                to == null ? null : to.toInstant(),
                rs.getString("changed_by"));
    }
}
