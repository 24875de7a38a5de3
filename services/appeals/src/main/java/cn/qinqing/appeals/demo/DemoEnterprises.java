package cn.qinqing.appeals.demo;

import cn.qinqing.appeals.enterprise.command.RegisterEnterpriseCommand;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.platform.eventstore.AggregateStreams;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The local profile's demo enterprises along the photovoltaic chain, registered once (a second start finds them
 * registered): enterprise A (wafers) and B (polysilicon), who have demo users, and a cell maker and a module line
 * that the chain view (issue 23) shows downstream.
 */
@Component
@Profile("local")
class DemoEnterprises {

    private static final Logger log = LoggerFactory.getLogger(DemoEnterprises.class);

    static final List<RegisterEnterpriseCommand> ENTERPRISES = List.of(
            new RegisterEnterpriseCommand(
                    "91150200MA0QA0001T",
                    "包头青山光伏材料有限公司",
                    IndustryChainPosition.WAFER,
                    "青山区",
                    new Contact("王经理", "0472-5550101", "contact-a@example.cn"),
                    Instant.parse("2026-01-05T02:00:00Z")),
            new RegisterEnterpriseCommand(
                    "91150200MA0QB0002M",
                    "包头稀土高新硅业有限公司",
                    IndustryChainPosition.POLYSILICON,
                    "稀土高新区",
                    new Contact("李经理", "0472-5550202", "contact-b@example.cn"),
                    Instant.parse("2026-01-06T02:00:00Z")),
            // the chain further down (issue 23): a cell maker and a module line, with no demo user of their own
            new RegisterEnterpriseCommand(
                    "91150200MA0QE00056",
                    "包头九原高效电池片有限公司",
                    IndustryChainPosition.CELL,
                    "九原区",
                    new Contact("赵经理", "0472-5550303", "contact-e@example.cn"),
                    Instant.parse("2026-01-07T02:00:00Z")),
            new RegisterEnterpriseCommand(
                    "91150200MA0QF00061",
                    "包头昆都仑光伏组件有限公司",
                    IndustryChainPosition.MODULE,
                    "昆都仑区",
                    new Contact("孙经理", "0472-5550404", "contact-f@example.cn"),
                    Instant.parse("2026-01-08T02:00:00Z")));

    private final CommandGateway commands;
    private final AggregateStreams streams;

    DemoEnterprises(CommandGateway commands, AggregateStreams streams) {
        this.commands = commands;
        this.streams = streams;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (RegisterEnterpriseCommand enterprise : ENTERPRISES) {
            if (streams.createIfAbsent(commands, enterprise)) {
                log.info("Registered demo enterprise {}", enterprise.name());
            }
        }
    }
}
