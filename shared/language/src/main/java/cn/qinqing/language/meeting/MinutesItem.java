package cn.qinqing.language.meeting;

import java.util.List;

/**
 * What was said and decided on one agenda item (纪要).
 *
 * @param agendaPosition the {@link AgendaItem#position()} it records
 * @param decisions the decisions taken (议定事项), numbered from 1 in this order; action items refer to them
 */
public record MinutesItem(int agendaPosition, String summary, List<String> decisions) {

    public MinutesItem {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
