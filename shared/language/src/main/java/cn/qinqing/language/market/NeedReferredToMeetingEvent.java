package cn.qinqing.language.market;

import cn.qinqing.language.ChainLink;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A need the city cannot serve from local supply goes to the next government–business breakfast meeting, with the
 * enterprise's consent: the meetings service proposes it there as the enterprise's topic.
 *
 * @param topicId the topic it becomes: {@code Ids.derive("market-need-topic", postId.toString())}
 */
@Revision("1")
public record NeedReferredToMeetingEvent(
        UUID postId,
        UUID topicId,
        String enterpriseId,
        ChainLink chainLink,
        String title,
        String description,
        Instant referredAt) {}
