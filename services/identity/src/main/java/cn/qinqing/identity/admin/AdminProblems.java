package cn.qinqing.identity.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The administration API's refusals as RFC 9457 problem details, in the platform's shape: {@code type} ending in a
 * code, {@code errors[]} naming each field and its reason. Identity does not use the platform module (it is not
 * event-sourced), so it has its own few lines of it.
 */
@RestControllerAdvice(assignableTypes = {UserAdminController.class, ClientAdminController.class})
class AdminProblems {

    static ErrorResponseException invalid(String field, String message) {
        return problem(
                HttpStatus.BAD_REQUEST, "invalid-request", field + " " + message, List.of(error(field, message)));
    }

    static ErrorResponseException notFound(String what, String id) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "There is no " + what + " " + id + ".", List.of());
    }

    static ErrorResponseException conflict(String code, String detail) {
        return problem(HttpStatus.CONFLICT, code, detail, List.of());
    }

    /** The refusals the controllers throw, answered as they are (not sent on to the container's error page). */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> refused(ErrorResponseException refused) {
        return ResponseEntity.status(refused.getStatusCode()).body(refused.getBody());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException refused) {
        List<Map<String, String>> errors = refused.getBindingResult().getFieldErrors().stream()
                .map(error -> error(error.getField(), error.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields.", errors)
                .getBody();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException refused) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The body is not the JSON expected.", List.of())
                .getBody();
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static ErrorResponseException problem(
            HttpStatus status, String code, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://qinqing.cn/problems/" + code));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return new ErrorResponseException(status, problem, null);
    }
}
