package cn.qinqing.projects.market.command;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.market.NeedType;
import cn.qinqing.language.market.PostKind;
import cn.qinqing.language.project.Capacity;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Drafts an offer or a need for an enterprise, by one of its users.
 *
 * @param needType for a need, what it asks for; null for an offer
 * @param quantity an offer's capacity or a need's quantity
 */
public record DraftPostCommand(
        @TargetAggregateIdentifier UUID postId,
        Requester requester,
        String enterpriseId,
        PostKind kind,
        NeedType needType,
        String product,
        ChainLink chainLink,
        Capacity quantity,
        String deliveryTerms,
        String description,
        Instant draftedAt) {}
