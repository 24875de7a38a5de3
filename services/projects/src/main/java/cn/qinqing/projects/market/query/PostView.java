package cn.qinqing.projects.market.query;

import cn.qinqing.language.ChainLink;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A post as its enterprise and the brokers read it.
 *
 * @param status DRAFT, PUBLISHED or CLOSED
 * @param topicId the breakfast-meeting topic a referred need became, else null
 */
public record PostView(
        UUID postId,
        String enterpriseId,
        String enterpriseName,
        String district,
        String kind,
        String needType,
        String product,
        ChainLink chainLink,
        BigDecimal quantityAmount,
        String quantityUnit,
        String deliveryTerms,
        String description,
        String status,
        Instant draftedAt,
        Instant publishedAt,
        Instant closedAt,
        String closedReason,
        Instant referredAt,
        UUID topicId,
        long version) {

    public boolean open() {
        return "PUBLISHED".equals(status);
    }
}
