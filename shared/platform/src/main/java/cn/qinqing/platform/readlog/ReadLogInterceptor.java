package cn.qinqing.platform.readlog;

import cn.qinqing.platform.security.Actor;
import cn.qinqing.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records each successful answer of a {@link RecordsRead} endpoint, once the handler has written it and before the
 * request ends: an answer that failed (4xx, 5xx) showed nothing and is not a read. A read whose record cannot be
 * written is still answered (the log line says so): the read log must not take the API down with it.
 */
class ReadLogInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ReadLogInterceptor.class);

    private final ReadLog readLog;

    ReadLogInterceptor(ReadLog readLog) {
        this.readLog = readLog;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(handler instanceof HandlerMethod method) || ex != null || response.getStatus() >= 300) {
            return;
        }
        RecordsRead read = method.getMethodAnnotation(RecordsRead.class);
        if (read == null) {
            return;
        }
        Actor.current().ifPresent(actor -> {
            Map<String, String> ids = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, String> variables =
                    (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            if (variables != null) {
                ids.putAll(variables);
            }
            request.getParameterMap().forEach((name, values) -> ids.putIfAbsent(name, String.join(",", values)));
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String route = pattern == null ? request.getRequestURI() : pattern.toString();
            try {
                readLog.record(
                        actor,
                        read.value(),
                        route,
                        appeal(read, ids),
                        ids,
                        format(response.getContentType()),
                        CorrelationIdFilter.current().orElse(null));
            } catch (RuntimeException e) {
                log.error("Could not record {} reading {} {} in the read log", actor.subject(), route, ids, e);
            }
        });
    }

    private static UUID appeal(RecordsRead read, Map<String, String> ids) {
        String value = read.appeal().isEmpty() ? null : ids.get(read.appeal());
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String format(String contentType) {
        if (contentType == null) {
            return null;
        }
        return contentType.startsWith("text/csv") ? "csv" : contentType.contains("json") ? "json" : contentType;
    }
}
