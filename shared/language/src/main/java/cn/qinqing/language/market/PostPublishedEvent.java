package cn.qinqing.language.market;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise published its post: brokers see it from now on and may match it. */
@Revision("1")
public record PostPublishedEvent(UUID postId, String enterpriseId, Instant publishedAt) {}
