package cn.qinqing.assignment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.assignment.directory.command.RegisterDepartmentCommand;
import cn.qinqing.platform.eventstore.AggregateStreams;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo seeding registers an entry only when the aggregate its command targets has no events (looked up under the
 * command's target, not the id it carries), so that a second start sends nothing for the store to refuse: a refused
 * append leaves a gap in the processors' tokens (OldGapsIT).
 */
class DemoSeedingIT extends AssignmentApiTestBase {

    @Autowired
    CommandGateway commands;

    @Autowired
    AggregateStreams streams;

    @Test
    void aRegisteredEntryIsFoundUnderTheAggregateItsCommandTargets() {
        // the department's aggregate id is derived from its id: the command's target, not the field, is looked up
        RegisterDepartmentCommand register = new RegisterDepartmentCommand(
                "seeding-" + UUID.randomUUID(), "Seeding test bureau", null, Instant.now());
        assertThat(streams.started(register)).as("before it is registered").isFalse();

        assertThat(streams.createIfAbsent(commands, register))
                .as("the first start registers it")
                .isTrue();

        assertThat(streams.started(register)).as("after it is registered").isTrue();
        assertThat(streams.createIfAbsent(commands, register))
                .as("a second start sends nothing")
                .isFalse();
    }
}
