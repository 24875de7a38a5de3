package cn.qinqing.oversight.history;

import java.time.Instant;

/**
 * One answer the enterprise received, and what it made of it.
 *
 * @param answeredAt when the answer reached the enterprise (the resolution's submission when no answer fact exists)
 * @param rating 1–5 once rated, else null
 * @param ratingExpired the rating window passed without a rating
 * @param reopened the enterprise reopened the appeal after this answer
 */
public record AnsweredRound(
        int round,
        String departmentId,
        Instant answeredAt,
        Integer rating,
        Instant ratedAt,
        boolean ratingExpired,
        boolean reopened) {}
