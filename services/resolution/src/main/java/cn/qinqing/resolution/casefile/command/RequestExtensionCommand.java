package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.document.DocumentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RequestExtensionCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        @TargetAggregateVersion Long expectedVersion,
        Caller caller,
        UUID requestId,
        Instant requestedDueAt,
        String reason,
        Instant requestedAt,
        List<DocumentRef> documents) {

    public RequestExtensionCommand {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** The step without files (JSON). */
    public RequestExtensionCommand(
            UUID caseFileId,
            Long expectedVersion,
            Caller caller,
            UUID requestId,
            Instant requestedDueAt,
            String reason,
            Instant requestedAt) {
        this(caseFileId, expectedVersion, caller, requestId, requestedDueAt, reason, requestedAt, List.of());
    }
}
