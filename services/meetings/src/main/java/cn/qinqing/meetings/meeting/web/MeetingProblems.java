package cn.qinqing.meetings.meeting.web;

import cn.qinqing.meetings.meeting.command.NotTheHost;
import cn.qinqing.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A leader who does not host the meeting may read it but not run it: 403, as a problem detail. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeetingProblems {

    @ExceptionHandler(NotTheHost.class)
    ResponseEntity<ProblemDetail> notTheHost(NotTheHost ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "not-the-host", "Not the host", ex.getMessage()));
    }
}
