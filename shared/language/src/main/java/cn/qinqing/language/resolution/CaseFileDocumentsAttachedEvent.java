package cn.qinqing.language.resolution;

import cn.qinqing.language.document.DocumentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An official uploaded documents with a progress note, an extension request or the answer (上传附件): applied right
 * after that step's event, in the same commit. It carries what identifies each file (id, name, type, size, SHA-256),
 * never the bytes, which stay in the object store (ADR 0009). The steps' own events keep their shape.
 *
 * @param attachedTo the step the documents came with
 * @param stepId the note's or extension request's id; null for the answer
 * @param visibleToEnterprise whether the enterprise may read them: an answer's always, a note's as the note says, an
 *     extension request's never
 */
@Revision("1")
public record CaseFileDocumentsAttachedEvent(
        UUID appealId,
        String departmentId,
        String officialId,
        AttachedTo attachedTo,
        UUID stepId,
        boolean visibleToEnterprise,
        List<DocumentRef> documents,
        Instant attachedAt) {

    /** The step of the case file a document was uploaded with. */
    public enum AttachedTo {
        NOTE,
        EXTENSION_REQUEST,
        ANSWER
    }

    public CaseFileDocumentsAttachedEvent {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
