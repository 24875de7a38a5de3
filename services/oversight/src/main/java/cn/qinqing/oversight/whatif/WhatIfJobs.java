package cn.qinqing.oversight.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The what-if runs in {@code what_if_job}: queued by the API, claimed by one instance at a time with a row lock
 * ({@code FOR UPDATE SKIP LOCKED}), beating while they run, and claimed again by any instance once a runner has not
 * beaten for {@link #STALE}.
 */
@Repository
class WhatIfJobs {

    /** A run whose instance has not reported for this long is taken over. */
    static final Duration STALE = Duration.ofSeconds(30);

    /** A run that failed this often (its instance died each time) is given up. */
    static final int MAX_ATTEMPTS = 3;

    /** Finished runs are kept this long. */
    static final Duration KEPT = Duration.ofDays(30);

    /** A run as stored. */
    record Job(
            UUID jobId,
            String state,
            String requestedBy,
            Instant requestedAt,
            YearMonth from,
            YearMonth to,
            Proposal proposal,
            long done,
            Long total,
            Instant startedAt,
            Instant finishedAt,
            JsonNode result,
            String error) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    WhatIfJobs(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    void queue(UUID id, String requestedBy, YearMonth from, YearMonth to, Proposal proposal) {
        jdbc.update(
                "INSERT INTO what_if_job (job_id, state, requested_by, requested_at, period_from, period_to, proposal)"
                        + " VALUES (?, 'QUEUED', ?, ?, ?, ?, ?::jsonb)",
                id,
                requestedBy,
                Timestamp.from(Instant.now()),
                from.toString(),
                to.toString(),
                json(proposal));
    }

    Optional<Job> find(UUID id) {
        return jdbc.query("SELECT * FROM what_if_job WHERE job_id = ?", this::map, id).stream()
                .findFirst();
    }

    /** Claims the oldest waiting run (or one whose runner stopped beating) for this instance; empty if none. */
    Optional<UUID> claim(String instance) {
        List<UUID> claimed = jdbc.query(
                "UPDATE what_if_job SET state = 'RUNNING', claimed_by = ?, heartbeat_at = now(),"
                        + " started_at = coalesce(started_at, now()), attempts = attempts + 1"
                        + " WHERE job_id = (SELECT job_id FROM what_if_job"
                        + "   WHERE state = 'QUEUED' OR (state = 'RUNNING' AND heartbeat_at < now() - ?::interval)"
                        + "   ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING job_id, attempts",
                (rs, row) -> rs.getInt("attempts") > MAX_ATTEMPTS ? null : rs.getObject("job_id", UUID.class),
                instance,
                STALE.toSeconds() + " seconds");
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        if (claimed.get(0) == null) {
            jdbc.update(
                    "UPDATE what_if_job SET state = 'FAILED', finished_at = now(),"
                            + " error = 'the run stopped " + MAX_ATTEMPTS + " times' WHERE claimed_by = ?"
                            + " AND state = 'RUNNING' AND attempts > ?",
                    instance,
                    MAX_ATTEMPTS);
            return Optional.empty();
        }
        return Optional.of(claimed.get(0));
    }

    /** Reports progress and beats; false when the run is no longer this instance's (it was taken over). */
    boolean progress(UUID id, String instance, long done, Long total) {
        return jdbc.update(
                        "UPDATE what_if_job SET progress_done = ?, progress_total = ?, heartbeat_at = now()"
                                + " WHERE job_id = ? AND claimed_by = ? AND state = 'RUNNING'",
                        done,
                        total,
                        id,
                        instance)
                == 1;
    }

    void finish(UUID id, String instance, WhatIfResult result, long total) {
        jdbc.update(
                "UPDATE what_if_job SET state = 'DONE', progress_done = ?, progress_total = ?, result = ?::jsonb,"
                        + " finished_at = now() WHERE job_id = ? AND claimed_by = ? AND state = 'RUNNING'",
                total,
                total,
                json(result),
                id,
                instance);
    }

    void fail(UUID id, String instance, String error) {
        jdbc.update(
                "UPDATE what_if_job SET state = 'FAILED', error = ?, finished_at = now()"
                        + " WHERE job_id = ? AND claimed_by = ? AND state = 'RUNNING'",
                error,
                id,
                instance);
    }

    /**
     * How many appeals a run will replay, for its progress: those with something happening or falling due in the
     * period (as {@code AppealEventLog.touching} selects them) plus those unfinished at its end.
     */
    long appealsToReplay(Instant from, Instant to, Instant asOf) {
        Long touching = jdbc.queryForObject(
                "SELECT count(DISTINCT appeal_id) FROM appeal_event WHERE recorded_at <= ?"
                        + " AND ((at >= ? AND at < ?) OR (due_at >= ? AND due_at < ?))",
                Long.class,
                Timestamp.from(asOf),
                Timestamp.from(from),
                Timestamp.from(to),
                Timestamp.from(from),
                Timestamp.from(to));
        Long unfinished = jdbc.queryForObject(
                "SELECT count(DISTINCT f.appeal_id) FROM appeal_event f WHERE f.recorded_at <= ? AND NOT EXISTS ("
                        + " SELECT 1 FROM appeal_event e WHERE e.appeal_id = f.appeal_id AND e.recorded_at <= ?"
                        + " AND e.finishes)",
                Long.class,
                Timestamp.from(asOf),
                Timestamp.from(asOf));
        return (touching == null ? 0 : touching) + (unfinished == null ? 0 : unfinished);
    }

    /** Deletes finished runs older than {@link #KEPT}. */
    int purge() {
        return jdbc.update(
                "DELETE FROM what_if_job WHERE state IN ('DONE', 'FAILED') AND finished_at < ?",
                Timestamp.from(Instant.now().minus(KEPT)));
    }

    private Job map(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        long total = rs.getLong("progress_total");
        Long totalOrNull = rs.wasNull() ? null : total;
        return new Job(
                rs.getObject("job_id", UUID.class),
                rs.getString("state"),
                rs.getString("requested_by"),
                instant(rs, "requested_at"),
                YearMonth.parse(rs.getString("period_from")),
                YearMonth.parse(rs.getString("period_to")),
                read(rs.getString("proposal"), Proposal.class),
                rs.getLong("progress_done"),
                totalOrNull,
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                result == null ? null : read(result, JsonNode.class),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored " + type.getSimpleName(), e);
        }
    }
}
