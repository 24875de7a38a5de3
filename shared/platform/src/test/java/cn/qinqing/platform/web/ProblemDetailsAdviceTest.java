package cn.qinqing.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aPoolThatStayedBusyIsA503ToRetryNotAFault() {
        var timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        for (Exception refused : new Exception[] {
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timeout),
            new CannotCreateTransactionException("Could not open JDBC Connection for transaction", timeout),
            new CommandExecutionException("command failed", new CannotCreateTransactionException("tx", timeout))
        }) {
            var answer = advice.unexpected(refused);

            assertThat(answer.getStatusCode().value()).as(refused.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(answer.getBody().getType().toString()).endsWith("/busy");
        }
    }

    @Test
    void anythingElseUnexpectedStaysA500() {
        var answer = advice.unexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }
}
