package cn.qinqing.language.market;

import cn.qinqing.language.ChainLink;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A broker (a dispatcher or an official of the responsible department) proposed to introduce a need's enterprise to
 * an offer's. Neither learns the other's name before both consented.
 *
 * @param chainLink the need's link, which the figures count the match under
 * @param score the candidate's score when proposed (0–100), the sum of {@code explanation}'s points
 */
@Revision("1")
public record MatchProposedEvent(
        UUID matchId,
        UUID needPostId,
        UUID offerPostId,
        String needEnterpriseId,
        String offerEnterpriseId,
        ChainLink chainLink,
        int score,
        List<ScorePart> explanation,
        String brokerId,
        Instant proposedAt) {}
