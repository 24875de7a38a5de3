package cn.qinqing.language.market;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** One of the two enterprises consented to be introduced to the other. */
@Revision("1")
public record MatchConsentedEvent(UUID matchId, String enterpriseId, Instant consentedAt) {}
