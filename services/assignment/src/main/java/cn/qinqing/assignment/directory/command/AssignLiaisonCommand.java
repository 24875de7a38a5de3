package cn.qinqing.assignment.directory.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The first liaison setting of an enterprise. */
public record AssignLiaisonCommand(String enterpriseId, String liaisonLeaderId, boolean keyEnterprise, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EnterpriseLiaison.aggregateId(enterpriseId);
    }
}
