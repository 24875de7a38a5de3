package cn.qinqing.portal.service;

/**
 * Versions the user's own writes made. No page waits for them: every service answers a write only once its own views
 * show it (ADR 0008), so the page's next read of that service shows the write. The one page that waits reads another
 * service than the one written: the case file a sign-for opens ({@code ResolutionApi.caseFileAtLeast}).
 */
public final class Versions {

    private Versions() {}

    /** If-Match for a version. */
    public static String ifMatch(long version) {
        return "\"" + version + "\"";
    }
}
