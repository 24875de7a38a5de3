package cn.qinqing.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is a sane one), echoes it and
 * puts it in the log context ({@code correlationId} in the MDC) for every line logged while the request is handled.
 * The services on shared/platform put it on every command the request sends; the portal passes it on with every call
 * it makes to their APIs ({@link #forwarding()}), so that a page's request and the API requests it causes share it.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    /** The key of the id in the log context: a field of each JSON log line. */
    public static final String MDC_KEY = "correlationId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The correlation id of the request this thread handles, if it handles one. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Right after the security headers' filter, before anything that logs. */
    public static FilterRegistrationBean<CorrelationIdFilter> registration() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * For a client's outgoing requests: sends the correlation id of the request being handled (if any) as {@value
     * #HEADER}, which the called service adopts as its own.
     */
    public static ClientHttpRequestInterceptor forwarding() {
        return (request, body, execution) -> {
            current().ifPresent(id -> request.getHeaders().set(HEADER, id));
            return execution.execute(request, body);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        CURRENT.set(id);
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            MDC.remove(MDC_KEY);
        }
    }
}
