package cn.qinqing.oversight.readlog;

import cn.qinqing.platform.readlog.ReadLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the platform's read log, which every service appends to. */
@Repository
class ReadLogQueries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    ReadLogQueries(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    List<ReadLogEntry> reads(UUID appeal, String actor, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM " + ReadLog.TABLE + " WHERE read_at <= ?");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(to)));
        if (appeal != null) {
            sql.append(" AND appeal_id = ?");
            args.add(appeal);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        if (from != null) {
            sql.append(" AND read_at >= ?");
            args.add(Timestamp.from(from));
        }
        sql.append(" ORDER BY read_at DESC, read_id LIMIT ?");
        args.add(limit);
        return jdbc.query(
                sql.toString(),
                (rs, row) -> {
                    try {
                        return new ReadLogEntry(
                                rs.getObject("read_id", UUID.class),
                                rs.getTimestamp("read_at").toInstant(),
                                rs.getString("service"),
                                rs.getString("actor"),
                                rs.getString("role"),
                                rs.getString("enterprise_id"),
                                rs.getString("department_id"),
                                rs.getString("what"),
                                rs.getString("route"),
                                rs.getObject("appeal_id", UUID.class),
                                mapper.readTree(rs.getString("ids")),
                                rs.getString("format"),
                                rs.getString("correlation_id"));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                },
                args.toArray());
    }
}
