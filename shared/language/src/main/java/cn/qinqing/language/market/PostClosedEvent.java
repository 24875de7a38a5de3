package cn.qinqing.language.market;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise closed its post (served, withdrawn): no longer open on the market. */
@Revision("1")
public record PostClosedEvent(UUID postId, String enterpriseId, String reason, Instant closedAt) {}
