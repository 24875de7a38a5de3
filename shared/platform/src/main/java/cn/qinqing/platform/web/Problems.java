package cn.qinqing.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** RFC 9457 problem details for what the security filter refuses, shaped like every other error of the platform. */
public final class Problems {

    public static final String TYPE_BASE = "https://qinqing.cn/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static AuthenticationEntryPoint entryPoint(ObjectMapper mapper) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception); // sets WWW-Authenticate as RFC 6750 wants
            write(
                    mapper,
                    response,
                    of(
                            HttpStatus.UNAUTHORIZED,
                            "unauthenticated",
                            "Authentication required",
                            "A valid bearer token from the Qinqing identity provider is required."));
        };
    }

    public static AccessDeniedHandler accessDenied(ObjectMapper mapper) {
        return (request, response, exception) -> write(
                mapper, response, of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role may not do this."));
    }

    static void write(ObjectMapper mapper, HttpServletResponse response, ProblemDetail problem)
            throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
