package cn.qinqing.appeals.appeal.command;

import cn.qinqing.language.document.DocumentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param enterpriseId the enterprise of the caller: only the appeal's own enterprise reopens it */
public record ReopenAppealCommand(
        @TargetAggregateIdentifier UUID appealId,
        @TargetAggregateVersion Long expectedVersion,
        String enterpriseId,
        String reason,
        Instant reopenedAt,
        List<DocumentRef> documents) {

    public ReopenAppealCommand {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A reopening without uploaded documents. */
    public ReopenAppealCommand(
            UUID appealId, Long expectedVersion, String enterpriseId, String reason, Instant reopenedAt) {
        this(appealId, expectedVersion, enterpriseId, reason, reopenedAt, List.of());
    }
}
