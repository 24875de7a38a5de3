package cn.qinqing.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
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
 * encoded slash or NUL in the path — with the application's security headers, instead of Tomcat's page without them.
 * A subclass says what the answer says; nothing of the request is repeated.
 */
public abstract class SecureErrorReportValve extends ErrorReportValve {

    private final Map<String, String> headers;

    /** @param headers header name → value, as the application's filter sets them on every other answer */
    protected SecureErrorReportValve(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    /**
     * Replaces the error report valves of the host (Spring Boot adds one, Tomcat another) by one from {@code valve},
     * once the host has added its own and before the application starts.
     */
    public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> insteadOfTomcats(
            Supplier<? extends SecureErrorReportValve> valve) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve installed : pipeline.getValves()) {
                    if (installed instanceof ErrorReportValve && !(installed instanceof SecureErrorReportValve)) {
                        pipeline.removeValve(installed);
                    }
                }
                if (Arrays.stream(pipeline.getValves()).noneMatch(SecureErrorReportValve.class::isInstance)) {
                    pipeline.addValve(valve.get());
                }
            }
        }));
    }

    /** The media type of the answers, written in UTF-8. */
    protected abstract String contentType();

    /** The answer to an error with this status, 400 or above. */
    protected abstract String body(int status);

    @Override
    protected final void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean allowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
        if (!allowed.get()) {
            return;
        }
        try {
            headers.forEach(response::setHeader);
            response.setContentType(contentType());
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more to say
        }
    }
}
