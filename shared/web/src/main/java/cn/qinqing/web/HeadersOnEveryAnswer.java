package cn.qinqing.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the application's security headers before anything else runs, so that answers which never reach the security
 * filter chain carry them too: a body over the limit, a URL the firewall rejects, the error page.
 */
public final class HeadersOnEveryAnswer extends OncePerRequestFilter {

    private final Map<String, String> headers;

    public HeadersOnEveryAnswer(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    /** First of all filters, on requests, error dispatches and async dispatches. */
    public static FilterRegistrationBean<HeadersOnEveryAnswer> registration(Map<String, String> headers) {
        var registration = new FilterRegistrationBean<>(new HeadersOnEveryAnswer(headers));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.forEach(response::setHeader);
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
