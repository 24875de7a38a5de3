package cn.qinqing.appeals.appeal.command;

/** The payload of the persistent deadline at the end of a round's rating window. */
public record RatingWindowExpiry(int round) {

    static final String NAME = "rating-window";
}
