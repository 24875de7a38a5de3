package cn.qinqing.projects.market.query;

import cn.qinqing.language.market.ScorePart;
import java.util.List;
import java.util.UUID;

/**
 * A post that could serve (or be served by) the post the broker looks at, with its score and the parts of it.
 *
 * @param proposedMatchId the match already proposed for this pair, else null
 */
public record CandidateView(PostView post, int score, List<ScorePart> explanation, UUID proposedMatchId) {}
