package cn.qinqing.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers — a request it refuses before any filter runs, such as an encoded slash or NUL in the
 * path — as a problem detail with the security headers, instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean allowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
        if (!allowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String title = status == null ? "Error" : status.getReasonPhrase();
        String type = code < 500 ? "refused" : "internal";
        String detail = code < 500
                ? "The request was refused before it reached the API: check its URL and headers."
                : "Something went wrong on our side; nothing you sent was lost. Try again.";
        String body = "{\"type\":\"" + Problems.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + code
                + ",\"detail\":\"" + detail + "\"}";
        try {
            SecurityHeaders.ALL.forEach(response::setHeader);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more to say
        }
    }
}
