package cn.qinqing.projects.market.web;

import cn.qinqing.platform.web.Problems;
import cn.qinqing.projects.market.command.NotABroker;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An official or leader of another department may read the market but not broker it: 403, as a problem detail. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MarketProblems {

    @ExceptionHandler(NotABroker.class)
    ResponseEntity<ProblemDetail> notABroker(NotABroker ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "not-a-broker", "Not a broker", ex.getMessage()));
    }
}
