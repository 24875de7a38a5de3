package cn.qinqing.projects.chain;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.projects.project.query.BlockerView;
import cn.qinqing.projects.project.query.ProjectView;
import cn.qinqing.projects.project.query.Projects;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts the chain view together as of a day ({@code asOf}, Asia/Shanghai): enterprises registered by the end of that
 * day at the link their chain position names, their appeals filed by then and not ended by then, the key projects
 * signed by then (their status and open blockers as the project read model places them on that day), and — now,
 * whatever the day — the needs and offers the market feature reports open. Positions that are no link of the chain
 * (materials, equipment, other) stay off the columns.
 */
@Component
public class Chain {

    private final JdbcTemplate jdbc;
    private final Projects projects;
    private final ObjectProvider<OpenPosts> market;

    Chain(JdbcTemplate jdbc, Projects projects, ObjectProvider<OpenPosts> market) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.market = market;
    }

    /** The link of the chain an enterprise's position names, if it names one. */
    static Optional<ChainLink> linkOf(IndustryChainPosition position) {
        for (ChainLink link : ChainLink.values()) {
            if (link.name().equals(position.name())) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    public ChainView asOf(LocalDate asOf) {
        Timestamp end = Timestamp.from(Projects.endOf(asOf));
        Map<String, List<ChainView.Appeal>> appeals = new HashMap<>();
        jdbc.query(
                "SELECT a.appeal_id, a.enterprise_id, a.title, a.filed_at,"
                        + " EXISTS (SELECT 1 FROM blocker_view b WHERE b.appeal_id = a.appeal_id) AS blocker"
                        + " FROM chain_appeal a WHERE a.filed_at < ? AND (a.ended_at IS NULL OR a.ended_at >= ?)"
                        + " ORDER BY a.filed_at",
                rs -> {
                    appeals.computeIfAbsent(rs.getString("enterprise_id"), id -> new ArrayList<>())
                            .add(new ChainView.Appeal(
                                    rs.getObject("appeal_id", UUID.class),
                                    rs.getString("title"),
                                    rs.getTimestamp("filed_at").toInstant(),
                                    rs.getBoolean("blocker")));
                },
                end,
                end);
        Map<ChainLink, List<ChainView.Enterprise>> enterprises = byLink();
        Map<String, String> names = new HashMap<>();
        jdbc.query(
                "SELECT e.enterprise_id, e.name, e.chain_position, e.district, COALESCE(m.chain_master, FALSE) AS master"
                        + " FROM chain_enterprise e LEFT JOIN chain_master m ON m.enterprise_id = e.enterprise_id"
                        + " WHERE e.registered_at < ? ORDER BY COALESCE(m.chain_master, FALSE) DESC, e.name",
                rs -> {
                    String id = rs.getString("enterprise_id");
                    String name = rs.getString("name");
                    names.put(id, name);
                    ChainView.Enterprise enterprise = new ChainView.Enterprise(
                            id,
                            name,
                            rs.getString("district"),
                            rs.getBoolean("master"),
                            List.copyOf(appeals.getOrDefault(id, List.of())));
                    linkOf(IndustryChainPosition.valueOf(rs.getString("chain_position")))
                            .ifPresent(link -> enterprises.get(link).add(enterprise));
                },
                end);
        Map<UUID, List<ChainView.Blocker>> blockers = new HashMap<>();
        for (BlockerView blocker : projects.blockersOpenOn(asOf)) {
            blockers.computeIfAbsent(blocker.projectId(), id -> new ArrayList<>())
                    .add(new ChainView.Blocker(blocker.blockerId(), blocker.appealId(), blocker.title()));
        }
        Map<ChainLink, List<ChainView.Project>> keyProjects = byLink();
        for (ProjectView project : projects.list(null, null, null, null, asOf)) {
            keyProjects
                    .get(project.chainLink())
                    .add(new ChainView.Project(
                            project.projectId(),
                            project.name(),
                            project.enterpriseIds(),
                            project.status(),
                            project.overdue(),
                            project.next(),
                            project.nextPlannedOn(),
                            List.copyOf(blockers.getOrDefault(project.projectId(), List.of()))));
        }
        Map<ChainLink, List<ChainView.Post>> needs = byLink();
        Map<ChainLink, List<ChainView.Post>> offers = byLink();
        OpenPosts posts = market.getIfAvailable();
        if (posts != null) {
            for (OpenPosts.OpenPost post : posts.openPosts()) {
                ChainView.Post shown = new ChainView.Post(
                        post.postId(),
                        post.kind(),
                        post.enterpriseId(),
                        names.get(post.enterpriseId()),
                        post.product());
                if (post.chainLink() != null) {
                    ("OFFER".equals(post.kind()) ? offers : needs)
                            .get(post.chainLink())
                            .add(shown);
                }
            }
        }
        List<ChainView.Link> links = new ArrayList<>();
        for (ChainLink link : ChainLink.values()) {
            links.add(new ChainView.Link(
                    link,
                    List.copyOf(enterprises.get(link)),
                    List.copyOf(keyProjects.get(link)),
                    List.copyOf(needs.get(link)),
                    List.copyOf(offers.get(link))));
        }
        return new ChainView(asOf, links, posts != null);
    }

    private static <T> Map<ChainLink, List<T>> byLink() {
        Map<ChainLink, List<T>> map = new EnumMap<>(ChainLink.class);
        for (ChainLink link : ChainLink.values()) {
            map.put(link, new ArrayList<>());
        }
        return map;
    }
}
