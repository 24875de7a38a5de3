package cn.qinqing.projects.market.command;

import cn.qinqing.language.market.MatchOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordMatchOutcomeCommand(
        @TargetAggregateIdentifier UUID matchId,
        Requester requester,
        String marketDepartment,
        MatchOutcome outcome,
        BigDecimal amountCny,
        String reason,
        Instant recordedAt) {}
