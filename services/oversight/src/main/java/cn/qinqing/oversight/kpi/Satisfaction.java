package cn.qinqing.oversight.kpi;

/**
 * How satisfied enterprises were with the answers.
 *
 * @param satisfied rated answers rated 4 or 5
 * @param rated answers the enterprise rated
 * @param rate {@code satisfied / rated}, 4 decimals; null without ratings
 * @param averageRating mean rating of the rated answers, 2 decimals; null without ratings
 * @param notRated answers whose rating window passed without a rating: in neither rate nor average
 */
public record Satisfaction(long satisfied, long rated, Double rate, Double averageRating, long notRated) {}
