package cn.qinqing.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * The security headers of every answer of a Qinqing API, set before anything else runs ({@code HeadersOnEveryAnswer}
 * of shared/web), so that answers which never reach the security filter chain carry them too: a body over the limit
 * (413), a URL the firewall rejects (400), an error page. JSON needs no scripts, frames or referrers. HSTS is for the
 * TLS terminator in front of the services (they speak plain HTTP behind it; a browser ignores HSTS over HTTP).
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /** Header name → value, as every answer carries them. */
    public static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    /** Sets them on a response (for the container's own error answers). */
    public static void apply(HttpServletResponse response) {
        ALL.forEach(response::setHeader);
    }

    private SecurityHeaders() {}
}
