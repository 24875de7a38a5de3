package cn.qinqing.oversight;

/**
 * The oversight service's one processing group. Every read model is fed by it, so that a replay reads the event
 * store once (not once per projection) and one position says how fresh everything is.
 */
public final class ProcessingGroups {

    public static final String READ_MODELS = "oversight-read-models";

    private ProcessingGroups() {}
}
