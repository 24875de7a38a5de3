package cn.qinqing.language.market;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.project.Capacity;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An enterprise drafted a post for the city's market: an offer (what it makes, its capacity and delivery terms) or a
 * need (a supply, a buyer, logistics or a partner, and the quantity). A draft is its enterprise's alone.
 *
 * @param needType what a need asks for; null for an offer
 * @param quantity an offer's capacity or a need's quantity, with its unit
 */
@Revision("1")
public record PostDraftedEvent(
        UUID postId,
        String enterpriseId,
        PostKind kind,
        NeedType needType,
        String product,
        ChainLink chainLink,
        Capacity quantity,
        String deliveryTerms,
        String description,
        Instant draftedAt) {}
