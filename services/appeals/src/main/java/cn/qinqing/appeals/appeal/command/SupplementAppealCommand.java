package cn.qinqing.appeals.appeal.command;

import cn.qinqing.language.appeal.AttachmentRef;
import cn.qinqing.language.document.DocumentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param enterpriseId the enterprise of the caller: only the appeal's own enterprise may add to it */
public record SupplementAppealCommand(
        @TargetAggregateIdentifier UUID appealId,
        @TargetAggregateVersion Long expectedVersion,
        String enterpriseId,
        String text,
        List<AttachmentRef> attachments,
        Instant supplementedAt,
        List<DocumentRef> documents) {

    public SupplementAppealCommand {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A supplement without uploaded documents. */
    public SupplementAppealCommand(
            UUID appealId,
            Long expectedVersion,
            String enterpriseId,
            String text,
            List<AttachmentRef> attachments,
            Instant supplementedAt) {
        this(appealId, expectedVersion, enterpriseId, text, attachments, supplementedAt, List.of());
    }
}
