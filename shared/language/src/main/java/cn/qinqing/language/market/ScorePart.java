package cn.qinqing.language.market;

/**
 * One part of a candidate match's score, as the broker saw it when proposing: which factor, how many points, and why.
 *
 * @param factor {@code CHAIN_LINK}, {@code PRODUCT} or {@code QUANTITY}
 * @param points the points this factor gave (the score is their sum, at most 100)
 * @param reason the explanation in words, e.g. "same link: POLYSILICON"
 */
public record ScorePart(String factor, int points, String reason) {}
