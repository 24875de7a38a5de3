package cn.qinqing.oversight.history;

/** One event of the timeline with who held the appeal and where it stood right after it. */
public record Step(AppealEvent event, Holder holderAfter, Status statusAfter) {}
