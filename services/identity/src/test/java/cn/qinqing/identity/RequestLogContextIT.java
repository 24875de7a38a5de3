package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Identity's request log lines carry the request's correlation id and trace id, as every other service's do
 * (docs/operations.md, Logs): the line the dispatcher writes for the sign-in page has both in its log context.
 */
class RequestLogContextIT extends RunningIdentityServer {

    @Test
    void aRequestsLogLineCarriesItsCorrelationIdAndTraceId() {
        List<ILoggingEvent> logged = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                // the log context as it was when the line was written
                event.prepareForDeferredProcessing();
                logged.add(event);
            }
        };
        Logger dispatcher = (Logger) LoggerFactory.getLogger(DispatcherServlet.class);
        Level level = dispatcher.getLevel();
        appender.start();
        dispatcher.addAppender(appender);
        dispatcher.setLevel(Level.DEBUG);
        HttpResponse<String> page;
        try {
            page = new Browser().get(BASE + "/login");
        } finally {
            dispatcher.setLevel(level);
            dispatcher.detachAppender(appender);
            appender.stop();
        }

        assertThat(page.statusCode()).isEqualTo(200);
        String correlationId = page.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(logged)
                .filteredOn(line -> line.getFormattedMessage().contains("/login"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                        .containsEntry("correlationId", correlationId)
                        .hasEntrySatisfying(
                                "traceId", traceId -> assertThat(traceId).matches("[0-9a-f]{32}")));
    }
}
