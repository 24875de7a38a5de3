package cn.qinqing.language.market;

import cn.qinqing.language.ChainLink;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The broker recorded how a match ended.
 *
 * @param amountCny the contract's amount in yuan, only for {@link MatchOutcome#CONTRACT_SIGNED} (more than zero)
 * @param reason why there was no deal, only for {@link MatchOutcome#NO_DEAL}
 */
@Revision("1")
public record MatchOutcomeRecordedEvent(
        UUID matchId,
        UUID needPostId,
        ChainLink chainLink,
        MatchOutcome outcome,
        BigDecimal amountCny,
        String reason,
        Instant recordedAt) {}
