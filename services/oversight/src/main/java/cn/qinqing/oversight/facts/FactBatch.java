package cn.qinqing.oversight.facts;

import cn.qinqing.oversight.history.Fact;
import java.util.ArrayList;
import java.util.List;

/** The facts and dimensions of one batch of events, written together when the batch commits. */
final class FactBatch {
    final List<Fact> facts = new ArrayList<>();
    final List<Dimension> dimensions = new ArrayList<>();
}
