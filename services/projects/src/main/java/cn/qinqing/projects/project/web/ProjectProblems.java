package cn.qinqing.projects.project.web;

import cn.qinqing.platform.web.Problems;
import cn.qinqing.projects.project.command.NotResponsible;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A leader or official not responsible for the project may read it but not change it: 403, as a problem detail. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProjectProblems {

    @ExceptionHandler(NotResponsible.class)
    ResponseEntity<ProblemDetail> notResponsible(NotResponsible ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "not-responsible", "Not responsible", ex.getMessage()));
    }
}
