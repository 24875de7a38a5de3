package cn.qinqing.projects.market.query;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.market.ScorePart;
import cn.qinqing.projects.market.query.FiguresView.LinkMonth;
import cn.qinqing.projects.market.query.FiguresView.LinkSupport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the market: posts (an enterprise only its own; everyone else only published and closed ones, never a draft),
 * the candidates for a post, matches (an enterprise only its own, the other side anonymous until both consented), and
 * the figures as of a day. A city's market holds hundreds to thousands of posts: candidates and figures are computed
 * here from the whole table.
 */
@Component
public class Markets {

    public static final String PROCESSING_GROUP = MarketProjection.GROUP;
    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final String POSTS = "SELECT p.*, e.name AS enterprise_name, e.district FROM market_post p"
            + " LEFT JOIN market_enterprise e ON e.enterprise_id = p.enterprise_id";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Markets(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Posts, newest first. {@code enterpriseId} given: that enterprise's own, drafts included; else every post that was
     * published. Narrowed to a kind, a status, a link or a posting enterprise when given.
     */
    public List<PostView> posts(
            String enterpriseScope, String kind, String status, ChainLink chainLink, String ofEnterprise) {
        return jdbc
                .query(
                        POSTS + " WHERE (CAST(? AS VARCHAR) IS NULL AND p.status <> 'DRAFT' OR p.enterprise_id = ?)"
                                + " ORDER BY p.drafted_at DESC",
                        (rs, n) -> post(rs),
                        enterpriseScope,
                        enterpriseScope)
                .stream()
                .filter(p -> kind == null || p.kind().equals(kind))
                .filter(p -> status == null || p.status().equals(status))
                .filter(p -> chainLink == null || p.chainLink() == chainLink)
                .filter(p -> ofEnterprise == null || p.enterpriseId().equals(ofEnterprise))
                .toList();
    }

    /** One post, if the caller may see it: its enterprise's users always, everyone else once published. */
    public Optional<PostView> post(UUID postId, String enterpriseScope) {
        return jdbc
                .query(
                        POSTS + " WHERE p.post_id = ? AND (CAST(? AS VARCHAR) IS NULL AND p.status <> 'DRAFT'"
                                + " OR p.enterprise_id = ?)",
                        (rs, n) -> post(rs),
                        postId,
                        enterpriseScope,
                        enterpriseScope)
                .stream()
                .findFirst();
    }

    /** Every published post still open, upstream links first: for the chain view. */
    public List<PostView> open() {
        return jdbc.query(POSTS + " WHERE p.status = 'PUBLISHED' ORDER BY p.published_at", (rs, n) -> post(rs)).stream()
                .sorted(Comparator.comparing(PostView::chainLink))
                .toList();
    }

    /**
     * The open posts of other enterprises that could serve this one (offers for a need, needs for an offer), best
     * first, each with its score's parts ({@link MatchScoring}); posts that share neither link nor product are left
     * out.
     */
    public List<CandidateView> candidates(PostView post) {
        String other = "NEED".equals(post.kind()) ? "OFFER" : "NEED";
        Map<String, UUID> proposed = new HashMap<>();
        jdbc.query(
                "SELECT match_id, need_post_id, offer_post_id FROM market_match WHERE need_post_id = ? OR offer_post_id = ?",
                rs -> {
                    proposed.put(
                            rs.getObject("need_post_id", UUID.class) + ":" + rs.getObject("offer_post_id", UUID.class),
                            rs.getObject("match_id", UUID.class));
                },
                post.postId(),
                post.postId());
        List<CandidateView> candidates = new ArrayList<>();
        for (PostView candidate : open()) {
            if (!candidate.kind().equals(other) || candidate.enterpriseId().equals(post.enterpriseId())) {
                continue;
            }
            PostView need = "NEED".equals(post.kind()) ? post : candidate;
            PostView offer = "NEED".equals(post.kind()) ? candidate : post;
            List<ScorePart> parts = MatchScoring.explain(need, offer);
            boolean related =
                    parts.stream().anyMatch(part -> !part.factor().equals(MatchScoring.QUANTITY) && part.points() > 0);
            if (related) {
                candidates.add(new CandidateView(
                        candidate,
                        MatchScoring.score(parts),
                        parts,
                        proposed.get(need.postId() + ":" + offer.postId())));
            }
        }
        candidates.sort(Comparator.comparingInt(CandidateView::score)
                .reversed()
                .thenComparing(c -> c.post().publishedAt(), Comparator.nullsLast(Comparator.naturalOrder())));
        return candidates;
    }

    /**
     * The candidates that could still serve a need locally: open offers of other enterprises (every enterprise on the
     * platform is local, ADR 0017) among its {@link #candidates}, but for those whose match with it was declined or
     * ended without a deal. None for a post that is not a need.
     */
    public List<CandidateView> openLocalCandidates(PostView need) {
        if (!"NEED".equals(need.kind())) {
            return List.of();
        }
        List<UUID> ended = jdbc.queryForList(
                "SELECT match_id FROM market_match WHERE need_post_id = ?"
                        + " AND (declined_at IS NOT NULL OR outcome = 'NO_DEAL')",
                UUID.class,
                need.postId());
        return candidates(need).stream()
                .filter(candidate ->
                        candidate.proposedMatchId() == null || !ended.contains(candidate.proposedMatchId()))
                .toList();
    }

    /** Matches, newest first: {@code enterpriseScope} given, those of that enterprise (the other side anonymous). */
    public List<MatchView> matches(String enterpriseScope) {
        return jdbc.query(
                MATCHES + " WHERE CAST(? AS VARCHAR) IS NULL OR m.need_enterprise_id = ? OR m.offer_enterprise_id = ?"
                        + " ORDER BY m.proposed_at DESC",
                (rs, n) -> match(rs, enterpriseScope),
                enterpriseScope,
                enterpriseScope,
                enterpriseScope);
    }

    public Optional<MatchView> match(UUID matchId, String enterpriseScope) {
        return jdbc
                .query(
                        MATCHES + " WHERE m.match_id = ? AND (CAST(? AS VARCHAR) IS NULL OR m.need_enterprise_id = ?"
                                + " OR m.offer_enterprise_id = ?)",
                        (rs, n) -> match(rs, enterpriseScope),
                        matchId,
                        enterpriseScope,
                        enterpriseScope,
                        enterpriseScope)
                .stream()
                .findFirst();
    }

    private static final String MATCHES = "SELECT m.*,"
            + " np.product AS need_product, np.chain_link AS need_link, np.quantity_amount AS need_amount,"
            + " np.quantity_unit AS need_unit, ne.name AS need_name, ne.district AS need_district,"
            + " op.product AS offer_product, op.chain_link AS offer_link, op.quantity_amount AS offer_amount,"
            + " op.quantity_unit AS offer_unit, oe.name AS offer_name, oe.district AS offer_district"
            + " FROM market_match m"
            + " JOIN market_post np ON np.post_id = m.need_post_id"
            + " JOIN market_post op ON op.post_id = m.offer_post_id"
            + " LEFT JOIN market_enterprise ne ON ne.enterprise_id = m.need_enterprise_id"
            + " LEFT JOIN market_enterprise oe ON oe.enterprise_id = m.offer_enterprise_id";

    /** The figures as of the end of a day (Asia/Shanghai): what was proposed, introduced, signed and published by then. */
    public FiguresView figures(LocalDate asOf) {
        Instant end = asOf.plusDays(1).atStartOfDay(CITY).toInstant();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> values = new HashMap<>();
        Map<ChainLink, BigDecimal> valueByLink = new TreeMap<>();
        Set<UUID> metNeeds = new HashSet<>();
        long[] totals = new long[3];
        BigDecimal[] total = {BigDecimal.ZERO};
        jdbc.query(
                "SELECT chain_link, need_post_id, proposed_at, introduced_at, outcome, amount_cny, outcome_at"
                        + " FROM market_match WHERE proposed_at < ?",
                rs -> {
                    ChainLink link = ChainLink.valueOf(rs.getString("chain_link"));
                    count(counts, link, rs.getTimestamp("proposed_at").toInstant(), 0);
                    totals[0]++;
                    Timestamp introduced = rs.getTimestamp("introduced_at");
                    if (introduced != null && introduced.toInstant().isBefore(end)) {
                        count(counts, link, introduced.toInstant(), 1);
                        totals[1]++;
                    }
                    Timestamp outcomeAt = rs.getTimestamp("outcome_at");
                    String outcome = rs.getString("outcome");
                    if (outcomeAt != null && outcomeAt.toInstant().isBefore(end)) {
                        if ("MET".equals(outcome) || "CONTRACT_SIGNED".equals(outcome)) {
                            metNeeds.add(rs.getObject("need_post_id", UUID.class));
                        }
                        if ("CONTRACT_SIGNED".equals(outcome)) {
                            String key = count(counts, link, outcomeAt.toInstant(), 2);
                            totals[2]++;
                            BigDecimal amount = rs.getBigDecimal("amount_cny");
                            values.merge(key, amount, BigDecimal::add);
                            valueByLink.merge(link, amount, BigDecimal::add);
                            total[0] = total[0].add(amount);
                        }
                    }
                },
                Timestamp.from(end));
        List<LinkMonth> months = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            months.add(new LinkMonth(
                    ChainLink.valueOf(parts[0]),
                    parts[1],
                    c[0],
                    c[1],
                    c[2],
                    values.getOrDefault(key, BigDecimal.ZERO)));
        });
        months.sort(Comparator.comparing(LinkMonth::chainLink).thenComparing(LinkMonth::month));
        Map<ChainLink, long[]> needs = new TreeMap<>();
        jdbc.query(
                "SELECT post_id, chain_link, referred_at FROM market_post WHERE kind = 'NEED' AND published_at < ?",
                rs -> {
                    long[] c = needs.computeIfAbsent(ChainLink.valueOf(rs.getString("chain_link")), k -> new long[3]);
                    c[0]++;
                    if (metNeeds.contains(rs.getObject("post_id", UUID.class))) {
                        c[1]++;
                    }
                    Timestamp referred = rs.getTimestamp("referred_at");
                    if (referred != null && referred.toInstant().isBefore(end)) {
                        c[2]++;
                    }
                },
                Timestamp.from(end));
        List<LinkSupport> links = new ArrayList<>();
        for (ChainLink link : ChainLink.values()) {
            long[] c = needs.getOrDefault(link, new long[3]);
            BigDecimal value = valueByLink.getOrDefault(link, BigDecimal.ZERO);
            if (c[0] == 0 && value.signum() == 0) {
                continue;
            }
            BigDecimal rate = c[0] == 0
                    ? null
                    : BigDecimal.valueOf(c[1] * 100L).divide(BigDecimal.valueOf(c[0]), 1, RoundingMode.HALF_UP);
            links.add(new LinkSupport(link, c[0], c[1], rate, value, c[2]));
        }
        return new FiguresView(asOf, months, links, totals[0], totals[1], totals[2], total[0]);
    }

    private static String count(Map<String, long[]> counts, ChainLink link, Instant at, int which) {
        String key = link.name() + "|" + MONTH.format(at.atZone(CITY));
        counts.computeIfAbsent(key, k -> new long[3])[which]++;
        return key;
    }

    private MatchView match(ResultSet rs, String enterpriseScope) throws SQLException {
        boolean introduced = rs.getTimestamp("introduced_at") != null;
        String needEnterprise = rs.getString("need_enterprise_id");
        String offerEnterprise = rs.getString("offer_enterprise_id");
        String yourSide = enterpriseScope == null
                ? null
                : enterpriseScope.equals(needEnterprise)
                        ? "NEED"
                        : enterpriseScope.equals(offerEnterprise) ? "OFFER" : null;
        MatchView.Side need = side(rs, "need", !introduced && "OFFER".equals(yourSide));
        MatchView.Side offer = side(rs, "offer", !introduced && "NEED".equals(yourSide));
        String outcome = rs.getString("outcome");
        String declinedBy = rs.getString("declined_by");
        String declinedSide = declinedBy == null ? null : declinedBy.equals(needEnterprise) ? "NEED" : "OFFER";
        String status =
                outcome != null ? outcome : declinedSide != null ? "DECLINED" : introduced ? "INTRODUCED" : "PROPOSED";
        // the other enterprise learns that the match ended, not why
        boolean reasonShown = yourSide == null || yourSide.equals(declinedSide);
        return new MatchView(
                rs.getObject("match_id", UUID.class),
                ChainLink.valueOf(rs.getString("chain_link")),
                rs.getInt("score"),
                explanation(rs.getString("explanation")),
                status,
                need,
                offer,
                rs.getString("proposed_by"),
                instant(rs, "proposed_at"),
                instant(rs, "introduced_at"),
                outcome,
                rs.getBigDecimal("amount_cny"),
                rs.getString("reason"),
                instant(rs, "outcome_at"),
                declinedSide,
                instant(rs, "declined_at"),
                reasonShown ? rs.getString("decline_reason") : null,
                yourSide,
                rs.getLong("version"));
    }

    private static MatchView.Side side(ResultSet rs, String side, boolean hidden) throws SQLException {
        ChainLink link = ChainLink.valueOf(rs.getString(side + "_link"));
        String district = rs.getString(side + "_district");
        String name = rs.getString(side + "_name");
        String enterpriseId = rs.getString(side + "_enterprise_id");
        String anonymous = "an enterprise in " + (district == null ? "the city" : district) + " at " + link;
        return new MatchView.Side(
                rs.getObject(side + "_post_id", UUID.class),
                rs.getString(side + "_product"),
                link,
                rs.getBigDecimal(side + "_amount"),
                rs.getString(side + "_unit"),
                hidden ? null : enterpriseId,
                hidden ? null : name,
                district,
                hidden ? anonymous : (name == null ? enterpriseId : name),
                instant(rs, side + "_consented_at"));
    }

    private List<ScorePart> explanation(String text) {
        try {
            return json.readValue(text, new TypeReference<List<ScorePart>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An unreadable explanation in market_match", e);
        }
    }

    private static PostView post(ResultSet rs) throws SQLException {
        return new PostView(
                rs.getObject("post_id", UUID.class),
                rs.getString("enterprise_id"),
                rs.getString("enterprise_name"),
                rs.getString("district"),
                rs.getString("kind"),
                rs.getString("need_type"),
                rs.getString("product"),
                ChainLink.valueOf(rs.getString("chain_link")),
                rs.getBigDecimal("quantity_amount"),
                rs.getString("quantity_unit"),
                rs.getString("delivery_terms"),
                rs.getString("description"),
                rs.getString("status"),
                instant(rs, "drafted_at"),
                instant(rs, "published_at"),
                instant(rs, "closed_at"),
                rs.getString("closed_reason"),
                instant(rs, "referred_at"),
                rs.getObject("topic_id", UUID.class),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
