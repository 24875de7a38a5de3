package cn.qinqing.portal.resolution;

import cn.qinqing.language.resolution.Outcome;
import java.util.List;

/** The outcomes an answer can have, for the answer form (labels {@code outcome.<OUTCOME>}). */
public final class Outcomes {

    public static final List<Outcome> ALL = List.of(Outcome.values());

    private Outcomes() {}
}
