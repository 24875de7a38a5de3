package cn.qinqing.projects.market.web;

import java.util.UUID;

/** What the market API answers to writes. */
final class Answers {

    private Answers() {}

    /** A post's or a match's new version after a change (also its ETag). */
    record Changed(UUID id, long version) {}

    /** A need referred to the next breakfast meeting, and the topic it becomes there. */
    record Referred(UUID id, UUID topicId, long version) {}
}
