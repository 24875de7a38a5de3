package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The official submitted the answer (答复). The appeals service shows it to the enterprise, who rates it.
 *
 * @param reason why it could not be (fully) solved, where it could not
 * @param policyBasis the policy or regulation the answer rests on
 * @param onTime whether it came by the resolution due time in force (extensions included)
 */
@Revision("1")
public record ResolutionSubmittedEvent(
        UUID appealId,
        String departmentId,
        String officialId,
        int round,
        String answer,
        Outcome outcome,
        String reason,
        String policyBasis,
        Instant submittedAt,
        boolean onTime) {}
