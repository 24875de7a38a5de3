package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the reaction to {@code AppealSignedForEvent}: the signing department opens (or takes over) the case.
 *
 * @param category the appeal's category, for its SLA tier; null when unknown (the defaults apply)
 */
public record OpenCaseFileCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        UUID appealId,
        String departmentId,
        AppealCategory category,
        Urgency urgency,
        Instant signedAt) {

    /** A case whose category is unknown: it counts with the default limits. */
    public OpenCaseFileCommand(UUID caseFileId, UUID appealId, String departmentId, Urgency urgency, Instant signedAt) {
        this(caseFileId, appealId, departmentId, null, urgency, signedAt);
    }
}
