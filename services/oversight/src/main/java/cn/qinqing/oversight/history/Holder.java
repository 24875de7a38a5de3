package cn.qinqing.oversight.history;

/**
 * Who holds an appeal: whose clock runs while it waits.
 *
 * @param id the department's id, the enterprise's USCC, or {@code dispatch} for the dispatchers' queue
 */
public record Holder(Kind kind, String id) {

    public static final Holder DISPATCH = new Holder(Kind.DISPATCH, "dispatch");

    public enum Kind {
        /** The dispatchers' queue (派单): not yet routed, or returned. */
        DISPATCH,
        /** A department: to sign for, to work, or to close out. */
        DEPARTMENT,
        /** The enterprise: asked for information while the clock is paused, or to rate an answer. */
        ENTERPRISE
    }

    public static Holder department(String departmentId) {
        return new Holder(Kind.DEPARTMENT, departmentId == null ? "unknown" : departmentId);
    }

    public static Holder enterprise(String enterpriseId) {
        return new Holder(Kind.ENTERPRISE, enterpriseId == null ? "enterprise" : enterpriseId);
    }
}
