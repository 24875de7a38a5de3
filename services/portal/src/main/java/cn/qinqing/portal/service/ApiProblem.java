package cn.qinqing.portal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request a service refused, as its RFC 9457 problem detail said: status, the problem's code (the last segment of
 * its {@code type}), the detail text and the refused fields. The pages show it in the user's language where the code
 * or message is known ({@link ProblemMessages}), else the service's own words.
 */
public final class ApiProblem extends RuntimeException {

    private final String service;
    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldProblem> errors;

    public ApiProblem(String service, int status, String code, String detail, List<FieldProblem> errors) {
        super(service + " answered " + status + " " + code + ": " + detail);
        this.service = service;
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** One refused field: its name in the API's request ({@code contact.phone}) and the reason. */
    public record FieldProblem(String field, String message) {}

    static ApiProblem read(String service, int status, byte[] body, ObjectMapper mapper) {
        String code = "http-" + status;
        String detail = null;
        List<FieldProblem> errors = new ArrayList<>();
        try {
            JsonNode problem = body.length == 0 ? null : mapper.readTree(body);
            if (problem != null && problem.isObject()) {
                String type = problem.path("type").asText("");
                if (!type.isEmpty() && !type.equals("about:blank")) {
                    code = type.substring(type.lastIndexOf('/') + 1);
                }
                detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
                for (JsonNode error : problem.path("errors")) {
                    errors.add(new FieldProblem(
                            error.path("field").asText(""),
                            error.path("message").asText("")));
                }
            }
        } catch (IOException notJson) {
            // a proxy's or a container's page: the status is all we know
        }
        return new ApiProblem(service, status, code, detail, errors);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The problem's code, such as {@code invalid-request}, {@code stale-version}, {@code not-found}. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** Somebody changed the resource since the page was read (409 stale-version, or 412). */
    public boolean isStale() {
        return "stale-version".equals(code) || status == 412;
    }
}
