package cn.qinqing.oversight.history;

/** One fact of the timeline with who held the appeal and where it stood right after it. */
public record Step(Fact fact, Holder holderAfter, Status statusAfter) {}
