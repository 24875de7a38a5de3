package cn.qinqing.projects.market.command;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The enterprise agrees that its need, which local supply cannot serve, goes to the next breakfast meeting.
 *
 * @param localOffers the products of the open local offers that could still serve the need (its candidates not
 *     declined and not ended without a deal), as the market's read model ranks them: while there is one, the city
 *     brokers locally first
 */
public record ReferNeedToMeetingCommand(
        @TargetAggregateIdentifier UUID postId,
        Requester requester,
        String description,
        List<String> localOffers,
        Instant referredAt) {

    public ReferNeedToMeetingCommand {
        localOffers = localOffers == null ? List.of() : List.copyOf(localOffers);
    }
}
