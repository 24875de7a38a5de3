package cn.qinqing.resolution.casefile.query;

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
 * The documents officials attached to a case file's notes, extension requests and answers, from the read model: only
 * what an event recorded is ever listed or served (ADR 0009). Also tells the platform's sweep which uploads are
 * recorded, and whose appeal a case file is.
 */
@Repository
public class CaseFileDocuments implements RecordedDocuments {

    /**
     * A document of a case file as the API lists it.
     *
     * @param attachedTo NOTE, EXTENSION_REQUEST or ANSWER
     * @param stepId the note's or extension request's id; null for the answer
     */
    public record DocumentView(
            UUID documentId,
            String name,
            String mediaType,
            long sizeBytes,
            String sha256,
            String attachedTo,
            UUID stepId,
            boolean visibleToEnterprise,
            String officialId,
            Instant attachedAt) {

        public DocumentRef ref() {
            return new DocumentRef(documentId, name, mediaType, sizeBytes, sha256);
        }
    }

    private final JdbcTemplate jdbc;

    CaseFileDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case file's documents, oldest first; only those meant for the enterprise when asked. */
    public List<DocumentView> of(UUID appealId, boolean visibleOnly) {
        return jdbc.query(
                "SELECT * FROM case_file_document WHERE appeal_id = ?"
                        + (visibleOnly ? " AND visible_to_enterprise" : "")
                        + " ORDER BY attached_at, name",
                CaseFileDocuments::map,
                appealId);
    }

    public Optional<DocumentView> find(UUID appealId, UUID documentId) {
        return jdbc
                .query(
                        "SELECT * FROM case_file_document WHERE appeal_id = ? AND document_id = ?",
                        CaseFileDocuments::map,
                        appealId,
                        documentId)
                .stream()
                .findFirst();
    }

    /** The bytes a case file keeps already, for its limit. */
    public long totalSize(UUID appealId) {
        Long total = jdbc.queryForObject(
                "SELECT coalesce(sum(size_bytes), 0) FROM case_file_document WHERE appeal_id = ?",
                Long.class,
                appealId);
        return total == null ? 0 : total;
    }

    /** The enterprise whose appeal it is, once its filing was seen. */
    public Optional<String> enterpriseOf(UUID appealId) {
        return jdbc
                .queryForList("SELECT enterprise_id FROM appeal_enterprise WHERE appeal_id = ?", String.class, appealId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean isRecorded(UUID documentId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM case_file_document WHERE document_id = ?", Integer.class, documentId);
        return count != null && count > 0;
    }

    private static DocumentView map(ResultSet row, int index) throws SQLException {
        return new DocumentView(
                row.getObject("document_id", UUID.class),
                row.getString("name"),
                row.getString("media_type"),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                row.getString("attached_to"),
                row.getObject("step_id", UUID.class),
                row.getBoolean("visible_to_enterprise"),
                row.getString("official_id"),
                row.getTimestamp("attached_at").toInstant());
    }
}
