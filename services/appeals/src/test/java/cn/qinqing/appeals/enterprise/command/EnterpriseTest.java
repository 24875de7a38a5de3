package cn.qinqing.appeals.enterprise.command;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnterpriseTest {

    static final Instant NOW = Instant.parse("2026-11-02T01:30:00Z");
    static final Contact CONTACT = new Contact("王经理", "0472-5550101", "a@example.cn");

    private FixtureConfiguration<Enterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Enterprise.class);
    }

    @Test
    void registersAnEnterpriseUnderItsCreditCode() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEnterpriseCommand(
                        "91150200MA0QA0001T", "青山光伏", IndustryChainPosition.WAFER, "青山区", CONTACT, NOW))
                .expectEvents(new EnterpriseRegisteredEvent(
                        "91150200MA0QA0001T", "青山光伏", IndustryChainPosition.WAFER, "青山区", CONTACT, NOW));
    }

    @Test
    void rejectsACodeWhoseCheckCharacterIsWrong() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEnterpriseCommand(
                        "91150200MA0QA0001X", "青山光伏", IndustryChainPosition.WAFER, "青山区", CONTACT, NOW))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
