package cn.qinqing.appeals.open311;

import cn.qinqing.platform.idempotency.IdempotencyKeyReusedException;
import cn.qinqing.platform.ratelimit.TooManyRequestsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The facade's errors in GeoReport's shape ({@code [{"code": 400, "description": "…"}]}, or {@code <errors><error>}
 * in XML), in the format the path asked for, instead of the platform's problem details: GeoReport clients read
 * these.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    private final ObjectMapper json;

    Open311Errors(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> refused(Open311Exception e) {
        return error(e.status(), e.getMessage(), e.format());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<String> tooMany(TooManyRequestsException e, HttpServletRequest request) {
        ResponseEntity<String> answer = error(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), format(request));
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(answer.getBody());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<String> keyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        return error(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "this Idempotency-Key was used before with another request",
                format(request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        log.error("Open311 request {} failed", request.getRequestURI(), e);
        return error(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "something went wrong on the server's side; nothing was stored. Try again.",
                format(request));
    }

    private static GeoReport.Format format(HttpServletRequest request) {
        return GeoReport.Format.ofPath(request.getRequestURI());
    }

    ResponseEntity<String> error(HttpStatus status, String description, GeoReport.Format format) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        return GeoReport.answer(status, new GeoReport.Document("errors", "error", List.of(error)), format, json);
    }
}
