package cn.qinqing.platform.web;

import cn.qinqing.platform.documents.DocumentRefusedException;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import cn.qinqing.platform.idempotency.IdempotencyKeyReusedException;
import cn.qinqing.platform.ratelimit.TooManyRequestsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a Qinqing API answers is an RFC 9457 problem detail; a refused request names each field and the
 * reason under {@code errors}. Nothing here changes state: these are answers to requests that were refused.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .collect(Collectors.toList());
        ex.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldError(error.getObjectName(), error.getDefaultMessage()))
                .forEach(errors::add);
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(parameterName(result), message(error))))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /**
     * A path segment that converts to nothing, such as a blank id ({@code /api/appeals/%20}): 400 naming it. Spring's own
     * answer has status 400 but a body that says 500.
     */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(
            MissingPathVariableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldError(ex.getVariableName(), "must not be blank"))));
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ResponseEntity.badRequest()
                    .body(invalid(List.of(new FieldError(path(unknown), "is not a field of this request"))));
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null) {
            String message = format.getTargetType().isEnum()
                    ? "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants())
                    : "has the wrong type (expected " + format.getTargetType().getSimpleName() + ")";
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(path(format), message))));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(invalid(List.of(new FieldError(path(mismatch), "has the wrong type or shape"))));
        }
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-body",
                "Malformed request body",
                "The request body is not valid JSON for this request.");
        return ResponseEntity.badRequest().body(problem);
    }

    private static String path(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String sentence(FieldError error) {
        String sentence = (error.field() + " " + error.message()).trim();
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String expected =
                ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        if (ex.getRequiredType() != null && ex.getRequiredType().isEnum()) {
            expected = "one of " + Arrays.toString(ex.getRequiredType().getEnumConstants());
        }
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(ex.getName(), "must be " + expected))));
    }

    /** A constraint on a parameter of a {@code @Validated} controller: the parameter is named, not a 500. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath()), violation.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    private static String lastNode(jakarta.validation.Path path) {
        String name = "parameter";
        for (jakarta.validation.Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
        return ResponseEntity.badRequest().body(invalid(ex.errors()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
        if (HttpHeaders.IF_MATCH.equalsIgnoreCase(ex.getHeaderName())) {
            return preconditionRequired(new PreconditionRequiredException());
        }
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(ex.getHeaderName(), "is required"))));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException ex) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
                .body(Problems.of(
                        HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required", ex.getMessage()));
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class})
    ResponseEntity<ProblemDetail> staleVersion(RuntimeException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(
                        HttpStatus.CONFLICT,
                        "stale-version",
                        "Version conflict",
                        "Somebody changed this since you read it: read it again and retry with its new ETag."));
    }

    @ExceptionHandler({AggregateNotFoundException.class, NotAccessible.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such resource."));
    }

    /**
     * The caller's role may call the endpoint, but not for this resource (another department's inbox): 403, where the
     * resource's existence is no secret. Without this handler the catch-all below would answer 500.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException ex) {
        return ResponseEntity.unprocessableEntity()
                .body(Problems.of(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "idempotency-key-reused",
                        "Idempotency-Key reused",
                        ex.getMessage()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", ex.getMessage()));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "already-exists", "Already exists", "This already exists."));
    }

    /** An uploaded file that is too large (413) or of a type not accepted (415), with the form field named. */
    @ExceptionHandler(DocumentRefusedException.class)
    ResponseEntity<ProblemDetail> documentRefused(DocumentRefusedException ex) {
        FieldError error = new FieldError(ex.field(), ex.getMessage());
        ProblemDetail problem = Problems.of(
                ex.status(),
                ex.type(),
                ex.status() == HttpStatus.PAYLOAD_TOO_LARGE ? "Document too large" : "Document type not accepted",
                sentence(error));
        problem.setProperty("errors", List.of(error));
        return ResponseEntity.status(ex.status()).body(problem);
    }

    /** A multipart request over the limit the container enforces while reading it. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(Problems.of(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "body-too-large",
                        "Request body too large",
                        "The upload is larger than this service accepts in one request."));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ex.code(), "Not allowed now", ex.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (poolExhausted(ex)) {
            // every pooled connection stayed busy for the pool's whole timeout: the request changed nothing and a
            // retry a moment later will be served, which a client (and HAProxy's and Prometheus' 5xx rate) should
            // tell apart from a fault
            log.warn("Refused a request for want of a database connection: {}", ex.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .body(Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "busy",
                            "Busy",
                            "Too many requests at once right now; nothing you sent was changed. Retry in a second."));
        }
        log.error("Unexpected error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "Something went wrong on our side; nothing you sent was lost. Try again."));
    }

    /** The connection pool timed out: somewhere in the causes, the JDBC driver's transient connection failure. */
    static boolean poolExhausted(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A refused request: each field's message completes a sentence of which the field is the subject ({@code must not
     * be blank}), so that the detail reads as sentences: {@code reason must not be blank. limit must be at most 100.}
     */
    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                errors.stream().map(ProblemDetailsAdvice::sentence).collect(Collectors.joining(" ")));
        problem.setProperty("errors", errors);
        return problem;
    }
}
