package cn.qinqing.oversight.history;

/** Where an appeal stands, as its facts tell it. */
public enum Status {
    FILED,
    QUEUED,
    DISPATCHED,
    SIGNED_FOR,
    IN_PROGRESS,
    PAUSED,
    ANSWERED,
    RATED,
    REOPENED,
    CLOSED,
    WITHDRAWN;

    public boolean isFinished() {
        return this == CLOSED || this == WITHDRAWN;
    }
}
