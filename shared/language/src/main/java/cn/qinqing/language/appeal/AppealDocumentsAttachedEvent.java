package cn.qinqing.language.appeal;

import cn.qinqing.language.document.DocumentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The enterprise uploaded documents with its appeal (上传附件): right after the filing, supplement or reopening they
 * came with, in the same commit. It carries what identifies each file (id, name, type, size, SHA-256), never the bytes,
 * which stay in the object store (ADR 0009).
 *
 * @param attachedWith the step the documents came with
 */
@Revision("1")
public record AppealDocumentsAttachedEvent(
        UUID appealId,
        String enterpriseId,
        AttachedWith attachedWith,
        List<DocumentRef> documents,
        Instant attachedAt) {

    /** The step of the appeal a document was uploaded with. */
    public enum AttachedWith {
        FILING,
        SUPPLEMENT,
        REOPENING
    }

    public AppealDocumentsAttachedEvent {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
