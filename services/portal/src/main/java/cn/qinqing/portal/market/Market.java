package cn.qinqing.portal.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The market (找市场、找订单) as the projects service's API answers it (port 8087, /api/markets). */
public final class Market {

    private Market() {}

    public record Post(
            UUID postId,
            String enterpriseId,
            String enterpriseName,
            String district,
            String kind,
            String needType,
            String product,
            String chainLink,
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

        public boolean isNeed() {
            return "NEED".equals(kind);
        }

        public boolean isDraft() {
            return "DRAFT".equals(status);
        }

        public boolean isOpen() {
            return "PUBLISHED".equals(status);
        }
    }

    public record ScorePart(String factor, int points, String reason) {}

    public record Candidate(Post post, int score, List<ScorePart> explanation, UUID proposedMatchId) {}

    public record Side(
            UUID postId,
            String product,
            String chainLink,
            BigDecimal quantityAmount,
            String quantityUnit,
            String enterpriseId,
            String name,
            String district,
            String label,
            Instant consentedAt) {}

    public record Match(
            UUID matchId,
            String chainLink,
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

        /** The other side, as the enterprise reading it may know it. */
        public Side other() {
            return "NEED".equals(yourSide) ? offer : need;
        }

        public Side mine() {
            return "NEED".equals(yourSide) ? need : offer;
        }

        public boolean awaitsMyConsent() {
            return yourSide != null && mine().consentedAt() == null && !decided();
        }

        /** The broker recorded how it ended, or one of the enterprises declined it. */
        public boolean decided() {
            return outcome != null || declinedBy != null;
        }
    }

    public record LinkMonth(
            String chainLink, String month, long proposed, long introduced, long signed, BigDecimal contractValueCny) {}

    public record LinkSupport(
            String chainLink,
            long needs,
            long needsMet,
            BigDecimal localSupportingRate,
            BigDecimal contractValueCny,
            long referredToMeetings) {}

    public record Figures(
            LocalDate asOf,
            List<LinkMonth> months,
            List<LinkSupport> links,
            long proposed,
            long introduced,
            long signed,
            BigDecimal contractValueCny) {}
}
