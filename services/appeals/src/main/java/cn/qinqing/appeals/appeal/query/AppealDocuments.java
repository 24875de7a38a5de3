package cn.qinqing.appeals.appeal.query;

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
 * The documents recorded for appeals, from the read model: only what an event recorded is ever listed or served, so an
 * upload whose command failed is never seen. Also tells the platform's sweep which uploads are recorded.
 */
@Repository
public class AppealDocuments implements RecordedDocuments {

    /** A document of an appeal as the API lists it. */
    public record DocumentView(
            UUID documentId,
            String name,
            String mediaType,
            long sizeBytes,
            String sha256,
            String attachedWith,
            Instant attachedAt) {

        public DocumentRef ref() {
            return new DocumentRef(documentId, name, mediaType, sizeBytes, sha256);
        }
    }

    private final JdbcTemplate jdbc;

    AppealDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<DocumentView> of(UUID appealId) {
        return jdbc.query(
                "SELECT * FROM appeal_document WHERE appeal_id = ? ORDER BY attached_at, name",
                AppealDocuments::map,
                appealId);
    }

    public Optional<DocumentView> find(UUID appealId, UUID documentId) {
        return jdbc
                .query(
                        "SELECT * FROM appeal_document WHERE appeal_id = ? AND document_id = ?",
                        AppealDocuments::map,
                        appealId,
                        documentId)
                .stream()
                .findFirst();
    }

    /** The bytes an appeal keeps already, for its limit. */
    public long totalSize(UUID appealId) {
        Long total = jdbc.queryForObject(
                "SELECT coalesce(sum(size_bytes), 0) FROM appeal_document WHERE appeal_id = ?", Long.class, appealId);
        return total == null ? 0 : total;
    }

    @Override
    public boolean isRecorded(UUID documentId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM appeal_document WHERE document_id = ?", Integer.class, documentId);
        return count != null && count > 0;
    }

    private static DocumentView map(ResultSet row, int index) throws SQLException {
        return new DocumentView(
                row.getObject("document_id", UUID.class),
                row.getString("name"),
                row.getString("media_type"),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                row.getString("attached_with"),
                row.getTimestamp("attached_at").toInstant());
    }
}
