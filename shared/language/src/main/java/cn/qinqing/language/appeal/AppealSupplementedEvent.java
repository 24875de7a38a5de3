package cn.qinqing.language.appeal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise added information to its appeal (补充材料). */
@Revision("1")
public record AppealSupplementedEvent(
        UUID appealId, String enterpriseId, String text, List<AttachmentRef> attachments, Instant supplementedAt) {

    public AppealSupplementedEvent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
