package cn.qinqing.oversight.reading;

import java.util.Map;

/**
 * How fresh the read models are: the lowest position the oversight processors have handled in the global stream,
 * against the head of the event store.
 *
 * @param position the lowest position over the processors; null before they have any token
 * @param caughtUp every processor has handled everything up to the head, and none is replaying
 * @param replaying a rebuild is under way
 * @param processors each processing group's position
 */
public record Freshness(Long position, long head, boolean caughtUp, boolean replaying, Map<String, Long> processors) {

    /** The {@code X-Read-Model-Position} header: {@code <position>/<head>}. */
    public String header() {
        return (position == null ? "-" : position.toString()) + "/" + head;
    }
}
