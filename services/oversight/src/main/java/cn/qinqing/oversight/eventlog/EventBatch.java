package cn.qinqing.oversight.eventlog;

import java.util.ArrayList;
import java.util.List;

/** The appeal events and dimensions of one batch of events, written together when the batch commits. */
final class EventBatch {
    final List<AppealEventWriter.Row> events = new ArrayList<>();
    final List<Dimension> dimensions = new ArrayList<>();
}
