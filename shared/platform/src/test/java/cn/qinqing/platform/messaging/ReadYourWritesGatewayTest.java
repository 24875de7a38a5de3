package cn.qinqing.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The read-your-writes wait runs once the command's unit of work is over: while it lasts, the aggregate's lock is held
 * and a storm of retries of one create queued on it starved the processors of connections (AssignmentFlowIT's
 * thousand supervision notices answered 500).
 */
class ReadYourWritesGatewayTest {

    private final List<String> seen = new ArrayList<>();
    private ReadYourWritesGateway gateway;

    @BeforeEach
    void aRequestAndABus() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> {
            ReadYourWrites.defer(() -> seen.add("waited, unit of work started: " + CurrentUnitOfWork.isStarted()));
            seen.add("handled");
            return "done";
        });
        gateway = new ReadYourWritesGateway(
                DefaultCommandGateway.builder().commandBus(bus).build());
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void sendAndWaitWaitsAfterTheUnitOfWorkAndBeforeItAnswers() {
        String answer = gateway.sendAndWait("note");

        assertThat(answer).isEqualTo("done");
        assertThat(seen).containsExactly("handled", "waited, unit of work started: false");
    }

    @Test
    void sendWaitsBeforeItHandsBackTheFuture() {
        var answer = gateway.send("note");

        assertThat(seen).containsExactly("handled", "waited, unit of work started: false");
        assertThat(answer).isCompletedWithValue("done");
    }

    @Test
    void aWaitRunsOnce() {
        gateway.sendAndWait("note");
        seen.clear();
        ReadYourWrites.awaitPending();

        assertThat(seen).isEmpty();
    }
}
