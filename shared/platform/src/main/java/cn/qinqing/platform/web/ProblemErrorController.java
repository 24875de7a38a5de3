package cn.qinqing.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page (what {@code response.sendError} leads to: a URL the firewall rejects, a filter that
 * refused the request) as a problem detail, whatever the request's {@code Accept} said, instead of Spring Boot's
 * {@code {"timestamp", "error", "path"}} JSON or nothing at all. It never repeats the request's path or the cause.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    private final ObjectMapper mapper;

    public ProblemErrorController(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        SecurityHeaders.apply(response);
        Problems.write(
                mapper,
                response,
                Problems.of(
                        status,
                        status.is4xxClientError() ? "refused" : "internal",
                        status.getReasonPhrase(),
                        status.is4xxClientError()
                                ? "The request was refused before it reached the API: check its URL and headers."
                                : "Something went wrong on our side; nothing you sent was lost. Try again."));
    }
}
