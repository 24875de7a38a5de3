package cn.qinqing.portal.config;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Tomcat's own error answers — to a request it refuses before any filter runs, such as a header over its limit or an
 * encoded slash or NUL in the path — as a short static page with the security headers, instead of Tomcat's page
 * without them. Nothing of the request is repeated; its language is not known yet, so the page speaks both.
 */
final class RefusalPageValve extends ErrorReportValve {

    private static final String PAGE =
            """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>亲清在线</title><link rel="stylesheet" href="/css/portal.css"></head>
            <body><main id="main" class="page error-page"><h1>亲清在线</h1>
            <p role="alert">%s (%d)</p>
            <p lang="en">%s</p>
            <p><a class="button" href="/">回到首页 · Home</a></p>
            </main></body>
            </html>
            """;

    private final Map<String, String> headers;

    private RefusalPageValve(Map<String, String> headers) {
        this.headers = headers;
    }

    /**
     * Replaces the error report valves of the host (Spring Boot adds one, Tomcat another) by this one, once the host
     * has added its own and before the application starts.
     */
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> insteadOfTomcatsPage(Map<String, String> headers) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof RefusalPageValve)) {
                        pipeline.removeValve(valve);
                    }
                }
                if (Arrays.stream(pipeline.getValves()).noneMatch(RefusalPageValve.class::isInstance)) {
                    pipeline.addValve(new RefusalPageValve(headers));
                }
            }
        }));
    }

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
        String page = code < 500
                ? PAGE.formatted(
                        "请求被拒绝：请检查地址，或清除本站的 Cookie 后重试。",
                        code,
                        "The request was refused: check the address, or clear this site's cookies and try again.")
                : PAGE.formatted("出错了，请稍后重试。", code, "Something went wrong. Please try again later.");
        try {
            headers.forEach(response::setHeader);
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more to say
        }
    }
}
