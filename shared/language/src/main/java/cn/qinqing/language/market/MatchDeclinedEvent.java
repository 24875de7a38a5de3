package cn.qinqing.language.market;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * One of the two enterprises declined to be introduced to the other, saying why (for the broker): the match ends there,
 * and neither learns the other's name.
 */
@Revision("1")
public record MatchDeclinedEvent(UUID matchId, String enterpriseId, String reason, Instant declinedAt) {}
