package cn.qinqing.assignment.directory.command;

import cn.qinqing.language.directory.LeaderRank;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeLeaderCommand(
        String leaderId,
        Long expectedVersion,
        String name,
        String title,
        LeaderRank rank,
        String departmentId,
        String superiorLeaderId,
        Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Leader.aggregateId(leaderId);
    }
}
