package cn.qinqing.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fresh a read model is: the position its processing group has reached in the global stream (the lowest over its
 * segments) against the head of the event store. Read APIs put both in their answers ({@code FreshReads}).
 *
 * <p>Every read of a read model asks this, so {@link #of} answers the head and every group's position and replay state
 * with one plain statement: the tokens and the head, the tokens' JSON read here. (Worked out in SQL with jsonb
 * functions, PostgreSQL spent 0.5-0.8 ms planning the statement on every read.) Only a token with gaps costs a second
 * statement, to learn which of its gaps the store has since filled.
 *
 * <p>For the segments this instance works on, the processor's own token in memory counts where it is ahead of the
 * stored one. Axon stores a token with every batch it handles, but one that only passes events its group has no
 * handler for (or that belong to another segment) is stored once per claim extension, every 5 s: read from the table
 * alone, a group reported itself behind for up to 5 s after it had reached the head (the "slow replays" of
 * docs/performance.md: a replay reported done about 5 s late).
 */
public class ProcessorPositions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final String sql;
    private final LocalTokens local;

    /** The tokens this instance's processor of a group holds in memory, by segment; empty when it runs none. */
    @FunctionalInterface
    public interface LocalTokens {
        Map<Integer, TrackingToken> of(String processingGroup);

        LocalTokens NONE = group -> Map.of();
    }

    public ProcessorPositions(JdbcTemplate jdbc, String schema) {
        this(jdbc, schema, LocalTokens.NONE);
    }

    public ProcessorPositions(JdbcTemplate jdbc, String schema, LocalTokens local) {
        this.jdbc = jdbc;
        this.local = local;
        this.sql = "SELECT h.head, t.processor_name, t.segment, t.token FROM (SELECT coalesce(max(global_index), 0)"
                + " AS head FROM event_store.domain_event_entry) h LEFT JOIN " + schema + ".token_entry t"
                + " ON t.processor_name = ANY(?) AND t.token IS NOT NULL";
    }

    /** The head of the event store and where each of the processing groups stands, read at one moment. */
    public Positions of(Collection<String> processingGroups) {
        long[] head = {0};
        Map<String, Map<Integer, JsonNode>> stored = new HashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    head[0] = rs.getLong("head");
                    byte[] token = rs.getBytes("token");
                    if (token != null) {
                        stored.computeIfAbsent(rs.getString("processor_name"), name -> new HashMap<>())
                                .put(rs.getInt("segment"), read(token));
                    }
                },
                (Object) processingGroups.toArray(String[]::new));
        Map<String, List<JsonNode>> tokens = new HashMap<>();
        stored.forEach((group, segments) -> {
            local.of(group).forEach((segment, token) -> {
                JsonNode held = json(token);
                JsonNode table = segments.get(segment);
                if (held != null && table != null && index(current(held)) >= index(current(table))) {
                    segments.put(segment, held);
                }
            });
            tokens.put(group, new ArrayList<>(segments.values()));
        });
        Set<Long> filled = filled(tokens.values().stream()
                .flatMap(List::stream)
                .flatMap(token -> gaps(current(token)).stream())
                .toList());
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String group : processingGroups) {
            OptionalLong lowest = OptionalLong.empty();
            boolean replaying = false;
            for (JsonNode token : tokens.getOrDefault(group, List.of())) {
                replaying |= replaying(token);
                OptionalLong position = position(current(token), filled);
                if (position.isPresent() && (lowest.isEmpty() || position.getAsLong() < lowest.getAsLong())) {
                    lowest = position;
                }
            }
            groups.put(group, new Group(lowest, replaying));
        }
        return new Positions(head[0], groups);
    }

    /** The global index the processing group has handled up to, when it has a token. */
    public OptionalLong position(String processingGroup) {
        return of(List.of(processingGroup)).groups().get(processingGroup).position();
    }

    /** The highest global index in the event store. */
    public long head() {
        return of(List.of()).head();
    }

    /** The value of the {@code X-Read-Model-Position} header: {@code <position>/<head>}. */
    public String describe(String processingGroup) {
        Positions positions = of(List.of(processingGroup));
        OptionalLong position = positions.groups().get(processingGroup).position();
        return (position.isPresent() ? Long.toString(position.getAsLong()) : "-") + "/" + positions.head();
    }

    /** The tracking token itself: a ReplayToken's current token (null before it replayed its first event). */
    private static JsonNode current(JsonNode token) {
        return token.has("tokenAtReset") ? token.get("currentToken") : token;
    }

    /**
     * Handled up to: below the lowest gap of the token that the store now holds an event for. A transaction that took
     * its global index early and committed late leaves such a gap; the token's index is already past it, yet the
     * event is still to be handled. Gaps no event ever filled (a rolled-back append) do not count, or they would hold
     * the position back until Axon forgets them.
     */
    private static OptionalLong position(JsonNode token, Set<Long> filled) {
        if (token == null || token.isNull() || !token.hasNonNull("index")) {
            return OptionalLong.empty();
        }
        long position = token.get("index").asLong();
        for (long gap : gaps(token)) {
            if (filled.contains(gap) && gap - 1 < position) {
                position = gap - 1;
            }
        }
        return OptionalLong.of(position);
    }

    /**
     * Still replaying: a replay token that has not reached the position the store had when it was reset (one that has
     * reached it stays a replay token until the next new event; that one is done).
     */
    private static boolean replaying(JsonNode token) {
        JsonNode reset = token.get("tokenAtReset");
        if (reset == null || reset.isNull() || !reset.hasNonNull("index")) {
            return false;
        }
        return index(token.get("currentToken")) < reset.get("index").asLong();
    }

    /** A tracking token's index; -1 for none (a replay that has not handled its first event). */
    private static long index(JsonNode token) {
        return token == null || token.isNull() || !token.hasNonNull("index")
                ? -1
                : token.get("index").asLong();
    }

    /** A token held in memory, in the shape the token store's JSON has; null for a kind not read here. */
    static JsonNode json(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            ObjectNode node = JSON.createObjectNode().put("index", gapAware.getIndex());
            ArrayNode gaps = node.putArray("gaps");
            gapAware.getGaps().forEach(gaps::add);
            return node;
        }
        if (token instanceof ReplayToken replay) {
            JsonNode reset = json(replay.getTokenAtReset());
            if (reset == null) {
                return null;
            }
            ObjectNode node = JSON.createObjectNode();
            node.set("tokenAtReset", reset);
            node.set("currentToken", replay.getCurrentToken() == null ? null : json(replay.getCurrentToken()));
            return node;
        }
        return null;
    }

    private static List<Long> gaps(JsonNode token) {
        if (token == null || !token.has("gaps")) {
            return List.of();
        }
        List<Long> gaps = new ArrayList<>();
        token.get("gaps").forEach(gap -> gaps.add(gap.asLong()));
        return gaps;
    }

    /** Which of the gaps the store now holds an event for. */
    private Set<Long> filled(List<Long> gaps) {
        if (gaps.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "SELECT global_index FROM event_store.domain_event_entry WHERE global_index = ANY(?)",
                Long.class,
                (Object) gaps.toArray(Long[]::new)));
    }

    private static JsonNode read(byte[] token) {
        try {
            return JSON.readTree(token);
        } catch (IOException e) {
            throw new UncheckedIOException("A tracking token that is not JSON", e);
        }
    }

    /** The store's head and each group's standing, in the order asked. */
    public record Positions(long head, Map<String, Group> groups) {}

    /**
     * @param position the global index handled up to, when the group has a token
     * @param replaying whether a segment of the group is still replaying
     */
    public record Group(OptionalLong position, boolean replaying) {}
}
