package cn.qinqing.assignment.dispatch.web;

import cn.qinqing.platform.validation.PlainText;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The bodies of the assignment commands. */
final class Requests {

    static final String DEPARTMENT_ID = "[a-z0-9][a-z0-9-]{0,63}";
    static final String DEPARTMENT_ID_MESSAGE = "must be a department id such as industry-it";

    private Requests() {}

    record DispatchRequest(
            @NotBlank @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String departmentId) {}

    record ReturnRequest(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {}

    record TransferRequest(
            @NotBlank @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String toDepartmentId,
            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {}

    record SupervisionNoticeRequest(
            @NotBlank @Size(max = 2000) @PlainText(multiline = true) String instructions,
            @NotNull @Future Instant dueAt) {}

    record EscalationRequest(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {}
}
