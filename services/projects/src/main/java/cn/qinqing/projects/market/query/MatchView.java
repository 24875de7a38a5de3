package cn.qinqing.projects.market.query;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.market.ScorePart;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A match as the broker or one of its enterprises reads it. To an enterprise, the other side stays anonymous until
 * both consented: its {@code enterpriseId} and {@code name} are null and its {@code label} reads "an enterprise in
 * &lt;district&gt; at &lt;link&gt;".
 *
 * @param status PROPOSED, INTRODUCED, DECLINED (by one of the enterprises), or the outcome (MET, CONTRACT_SIGNED,
 *     NO_DEAL)
 * @param declinedBy NEED or OFFER: the side that declined, if one did
 * @param declineReason why it declined: for the brokers and that enterprise, never the other side
 * @param yourSide for an enterprise's user, NEED or OFFER; null for brokers and supervisors
 */
public record MatchView(
        UUID matchId,
        ChainLink chainLink,
        int score,
        List<ScorePart> explanation,
        String status,
        Side need,
        Side offer,
        String proposedBy,
        Instant proposedAt,
        Instant introducedAt,
        String outcome,
        BigDecimal amountCny,
        String reason,
        Instant outcomeAt,
        String declinedBy,
        Instant declinedAt,
        String declineReason,
        String yourSide,
        long version) {

    /**
     * One side of the match: its post and its enterprise (hidden from the other side before both consented).
     *
     * @param label who this is, as the reader may know it: the name, or "an enterprise in &lt;district&gt; at
     *     &lt;link&gt;"
     */
    public record Side(
            UUID postId,
            String product,
            ChainLink chainLink,
            BigDecimal quantityAmount,
            String quantityUnit,
            String enterpriseId,
            String name,
            String district,
            String label,
            Instant consentedAt) {}
}
