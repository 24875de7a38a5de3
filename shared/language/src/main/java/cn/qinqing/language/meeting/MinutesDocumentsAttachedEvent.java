package cn.qinqing.language.meeting;

import cn.qinqing.language.document.DocumentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The host uploaded documents with a draft or a correction of the minutes (纪要附件): applied right after that step's
 * event, in the same commit. It carries what identifies each file, never the bytes (ADR 0009); whoever may read the
 * minutes may read them.
 */
@Revision("1")
public record MinutesDocumentsAttachedEvent(
        UUID meetingId, String hostId, List<DocumentRef> documents, Instant attachedAt) {

    public MinutesDocumentsAttachedEvent {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
