package cn.qinqing.language;

/**
 * Keys of the metadata every Qinqing event carries. Timelines and the audit trail are built from them, so they are
 * part of the published language: never rename one.
 */
public final class MetadataKeys {
    /** The subject (user name or client id) who caused the event, or {@code system:<service>} for a reaction. */
    public static final String ACTOR = "actor";
    /** The {@link Role} the actor acted in. */
    public static final String ROLE = "role";
    /** The enterprise (its USCC) the actor belongs to, where there is one. */
    public static final String ENTERPRISE = "enterpriseId";
    /** The department the actor belongs to, where there is one. */
    public static final String DEPARTMENT = "departmentId";
    /** One id for everything that follows from one outside request. */
    public static final String CORRELATION = "correlationId";
    /** The id of the message (command or event) that directly caused this one. */
    public static final String CAUSATION = "causationId";

    private MetadataKeys() {}
}
