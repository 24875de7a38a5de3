package cn.qinqing.projects.market.command;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.market.ScorePart;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A broker proposes to introduce a need's enterprise to an offer's. The caller checks both posts against the read
 * model (published, open, of two enterprises) and computes the score; the match checks who brokers.
 *
 * @param marketDepartment the department that runs the market (its officials and leaders broker)
 */
public record ProposeMatchCommand(
        @TargetAggregateIdentifier UUID matchId,
        Requester requester,
        String marketDepartment,
        UUID needPostId,
        UUID offerPostId,
        String needEnterpriseId,
        String offerEnterpriseId,
        ChainLink chainLink,
        List<ScorePart> explanation,
        Instant proposedAt) {}
