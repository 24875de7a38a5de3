package cn.qinqing.meetings.meeting.query;

import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.platform.documents.RecordedDocuments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The documents attached to a meeting's minutes, from the read model: only what an event recorded is ever listed or
 * served (ADR 0009). Also tells the platform's sweep which uploads are recorded.
 */
@Repository
public class MinutesDocuments implements RecordedDocuments {

    /** A document of the minutes as the API lists it. */
    public record DocumentView(
            UUID documentId, String name, String mediaType, long sizeBytes, String sha256, Instant attachedAt) {

        public DocumentRef ref() {
            return new DocumentRef(documentId, name, mediaType, sizeBytes, sha256);
        }
    }

    private final JdbcTemplate jdbc;

    MinutesDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<DocumentView> of(UUID meetingId) {
        return jdbc.query(
                "SELECT * FROM minutes_document WHERE meeting_id = ? ORDER BY attached_at, name",
                MinutesDocuments::map,
                meetingId);
    }

    public Optional<DocumentView> find(UUID meetingId, UUID documentId) {
        return jdbc
                .query(
                        "SELECT * FROM minutes_document WHERE meeting_id = ? AND document_id = ?",
                        MinutesDocuments::map,
                        meetingId,
                        documentId)
                .stream()
                .findFirst();
    }

    /** The bytes the minutes keep already, for the limit. */
    public long totalSize(UUID meetingId) {
        Long total = jdbc.queryForObject(
                "SELECT coalesce(sum(size_bytes), 0) FROM minutes_document WHERE meeting_id = ?",
                Long.class,
                meetingId);
        return total == null ? 0 : total;
    }

    @Override
    public boolean isRecorded(UUID documentId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM minutes_document WHERE document_id = ?", Integer.class, documentId);
        return count != null && count > 0;
    }

    private static DocumentView map(ResultSet row, int index) throws SQLException {
        return new DocumentView(
                row.getObject("document_id", UUID.class),
                row.getString("name"),
                row.getString("media_type"),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                row.getTimestamp("attached_at").toInstant());
    }
}
