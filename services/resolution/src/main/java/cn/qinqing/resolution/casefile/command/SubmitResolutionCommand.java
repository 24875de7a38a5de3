package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.resolution.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record SubmitResolutionCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        @TargetAggregateVersion Long expectedVersion,
        Caller caller,
        String answer,
        Outcome outcome,
        String reason,
        String policyBasis,
        Instant submittedAt,
        List<DocumentRef> documents) {

    public SubmitResolutionCommand {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** The step without files (JSON). */
    public SubmitResolutionCommand(
            UUID caseFileId,
            Long expectedVersion,
            Caller caller,
            String answer,
            Outcome outcome,
            String reason,
            String policyBasis,
            Instant submittedAt) {
        this(caseFileId, expectedVersion, caller, answer, outcome, reason, policyBasis, submittedAt, List.of());
    }
}
