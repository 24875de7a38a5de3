package cn.qinqing.assignment.directory.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeLiaisonCommand(
        String enterpriseId, Long expectedVersion, String liaisonLeaderId, boolean keyEnterprise, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return EnterpriseLiaison.aggregateId(enterpriseId);
    }
}
