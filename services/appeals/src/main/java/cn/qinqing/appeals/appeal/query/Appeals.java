package cn.qinqing.appeals.appeal.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AttachmentRef;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the appeals read model. */
@Repository
public class Appeals {

    public static final String PROCESSING_GROUP = AppealProjection.GROUP;
    private static final TypeReference<List<AttachmentRef>> ATTACHMENTS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    Appeals(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public Optional<AppealView> find(UUID id) {
        return jdbc.query("SELECT * FROM appeal_view WHERE appeal_id = ?", this::map, id).stream()
                .findFirst();
    }

    /**
     * One page of appeals, newest first.
     *
     * @param after the cursor of the last appeal of the previous page, or null for the first page
     */
    public Page page(AppealFilter filter, String after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM appeal_view WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.enterpriseId() != null) {
            sql.append(" AND enterprise_id = ?");
            args.add(filter.enterpriseId());
        }
        if (filter.department() != null) {
            sql.append(" AND holding_department = ?");
            args.add(filter.department());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status());
        }
        if (filter.category() != null) {
            sql.append(" AND category = ?");
            args.add(filter.category().name());
        }
        if (filter.filedFrom() != null) {
            sql.append(" AND filed_at >= ?");
            args.add(Timestamp.from(filter.filedFrom()));
        }
        if (filter.filedTo() != null) {
            sql.append(" AND filed_at < ?");
            args.add(Timestamp.from(filter.filedTo()));
        }
        if (after != null) {
            Cursor cursor = Cursor.decode(after);
            sql.append(" AND (filed_at, appeal_id) < (?, ?)");
            args.add(Timestamp.from(cursor.filedAt()));
            args.add(cursor.id());
        }
        sql.append(" ORDER BY filed_at DESC, appeal_id DESC LIMIT ?");
        args.add(limit + 1);
        List<AppealView> rows = jdbc.query(sql.toString(), this::map, args.toArray());
        boolean more = rows.size() > limit;
        List<AppealView> items = more ? rows.subList(0, limit) : rows;
        String next = more
                ? new Cursor(
                                items.get(items.size() - 1).filedAt(),
                                items.get(items.size() - 1).id())
                        .encode()
                : null;
        return new Page(List.copyOf(items), next);
    }

    /**
     * The appeals that match every given criterion, newest first (the Open311 facade's search). A null or empty
     * collection and a null bound do not restrict.
     *
     * @param enterpriseId only this enterprise's appeals, or null for all
     */
    public List<AppealView> matching(
            java.util.Collection<UUID> ids,
            java.util.Collection<AppealCategory> categories,
            java.util.Collection<String> statuses,
            Instant filedFrom,
            Instant filedTo,
            String enterpriseId,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM appeal_view WHERE true");
        List<Object> args = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            sql.append(" AND appeal_id = ANY (?)");
            args.add(ids.toArray(UUID[]::new));
        }
        if (categories != null && !categories.isEmpty()) {
            sql.append(" AND category = ANY (?)");
            args.add(categories.stream().map(Enum::name).toArray(String[]::new));
        }
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" AND status = ANY (?)");
            args.add(statuses.toArray(String[]::new));
        }
        if (filedFrom != null) {
            sql.append(" AND filed_at >= ?");
            args.add(Timestamp.from(filedFrom));
        }
        if (filedTo != null) {
            sql.append(" AND filed_at <= ?");
            args.add(Timestamp.from(filedTo));
        }
        if (enterpriseId != null) {
            sql.append(" AND enterprise_id = ?");
            args.add(enterpriseId);
        }
        sql.append(" ORDER BY filed_at DESC, appeal_id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    /** The latest timeline entry of the given type of each of these appeals that has one. */
    public java.util.Map<UUID, TimelineEntry> latest(java.util.Collection<UUID> appealIds, String type) {
        java.util.Map<UUID, TimelineEntry> latest = new java.util.HashMap<>();
        if (appealIds.isEmpty()) {
            return latest;
        }
        jdbc.query(
                "SELECT DISTINCT ON (appeal_id) * FROM appeal_timeline WHERE appeal_id = ANY (?) AND type = ?"
                        + " ORDER BY appeal_id, position DESC, occurred_at DESC",
                rs -> {
                    latest.put(rs.getObject("appeal_id", UUID.class), entry(rs));
                },
                appealIds.toArray(UUID[]::new),
                type);
        return latest;
    }

    public List<TimelineEntry> timeline(UUID appealId) {
        return jdbc.query(
                "SELECT * FROM appeal_timeline WHERE appeal_id = ? ORDER BY position, occurred_at",
                (rs, row) -> entry(rs),
                appealId);
    }

    private TimelineEntry entry(ResultSet rs) throws SQLException {
        return new TimelineEntry(
                rs.getString("event_id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("type"),
                rs.getString("actor"),
                rs.getString("role"),
                readTree(rs.getString("details")));
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AppealView map(ResultSet rs, int row) throws SQLException {
        try {
            return new AppealView(
                    rs.getObject("appeal_id", UUID.class),
                    rs.getString("enterprise_id"),
                    rs.getString("title"),
                    rs.getString("description"),
                    AppealCategory.valueOf(rs.getString("category")),
                    Urgency.valueOf(rs.getString("urgency")),
                    AppealSource.valueOf(rs.getString("source")),
                    rs.getObject("meeting_id", UUID.class),
                    rs.getObject("action_item_id", UUID.class),
                    rs.getBoolean("manual_dispatch"),
                    mapper.readValue(rs.getString("attachments"), ATTACHMENTS),
                    rs.getString("status"),
                    rs.getString("holding_department"),
                    rs.getInt("supplements"),
                    rs.getString("withdrawal_reason"),
                    rs.getTimestamp("filed_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant(),
                    rs.getLong("version"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of appeals and the cursor of the next one, if any. */
    public record Page(List<AppealView> items, String next) {}

    /** Position after an appeal in the newest-first order; opaque to clients. */
    record Cursor(Instant filedAt, UUID id) {
        String encode() {
            String raw = filedAt.getEpochSecond() + "." + filedAt.getNano() + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\.", 3);
                return new Cursor(
                        Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw new cn.qinqing.platform.web.InvalidRequestException(
                        "cursor", "is not a cursor this API gave out");
            }
        }
    }
}
