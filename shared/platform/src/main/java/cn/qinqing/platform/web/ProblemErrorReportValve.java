package cn.qinqing.platform.web;

import cn.qinqing.web.SecureErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers — a request it refuses before any filter runs, such as an encoded slash or NUL in the
 * path — as a problem detail with the security headers, instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends SecureErrorReportValve {

    public ProblemErrorReportValve() {
        super(SecurityHeaders.ALL);
    }

    @Override
    protected String contentType() {
        return "application/problem+json";
    }

    @Override
    protected String body(int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        String title = resolved == null ? "Error" : resolved.getReasonPhrase();
        String type = status < 500 ? "refused" : "internal";
        String detail = status < 500
                ? "The request was refused before it reached the API: check its URL and headers."
                : "Something went wrong on our side; nothing you sent was lost. Try again.";
        return "{\"type\":\"" + Problems.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
