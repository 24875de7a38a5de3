package cn.qinqing.portal.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a page opened at another address of this server (http://127.0.0.1:8080 for http://localhost:8080) to the
 * portal's public URL before anything else happens, so that there is one origin: the one whose redirect URI the
 * identity provider has registered, where the session cookie (Secure, SameSite=Lax) is kept, and which is on the
 * same site as the provider at {@code http://localhost:9000}.
 *
 * <p>Only reads are redirected (GET, HEAD): a form posted to another host is refused by its CSRF check anyway, and a
 * redirect would drop its body. The health check answers at any host, for the launcher and for probes.
 */
class CanonicalHostFilter extends OncePerRequestFilter {

    private final String scheme;
    private final String host;
    private final int port;
    private final String base;

    CanonicalHostFilter(URI publicUrl) {
        this.scheme = publicUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
        this.host = publicUrl.getHost();
        this.port = publicUrl.getPort() != -1 ? publicUrl.getPort() : "https".equals(scheme) ? 443 : 80;
        this.base = scheme + "://" + publicUrl.getRawAuthority();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("GET".equals(method) || "HEAD".equals(method)) || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (scheme.equalsIgnoreCase(request.getScheme())
                && host.equalsIgnoreCase(request.getServerName())
                && port == request.getServerPort()) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        // 302, not 301: a browser would keep a permanent redirect after the configuration changed
        response.sendRedirect(base + request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
