package cn.qinqing.assignment.demo;

import cn.qinqing.assignment.directory.command.AddRoutingRuleCommand;
import cn.qinqing.assignment.directory.command.AssignLiaisonCommand;
import cn.qinqing.assignment.directory.command.RegisterDepartmentCommand;
import cn.qinqing.assignment.directory.command.RegisterLeaderCommand;
import cn.qinqing.assignment.directory.command.RegisterOfficialCommand;
import cn.qinqing.assignment.directory.command.RoutingConditions;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.directory.LeaderRank;
import cn.qinqing.platform.eventstore.AggregateStreams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The local profile's directory: the city government and eight departments, a chain of three leaders, an official per
 * department (the identity service's demo accounts), the demo enterprises' liaison leader, and routing rules that route
 * every demo category. Registered once: a second start finds every entry there and changes nothing.
 */
@Component
@Profile("local")
class DemoDirectory {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    static final String CITY = "city";
    static final Map<String, String> DEPARTMENTS = departments();
    static final Map<String, String> OFFICIALS = officials();
    static final Map<AppealCategory, String> ROUTES = routes();

    /** The people of the demo directory, by id: the names of identity's demo accounts. */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("official", "王敏"),
            Map.entry("official-approval", "刘洋"),
            Map.entry("official-land", "陈静"),
            Map.entry("official-finance", "杨帆"),
            Map.entry("official-talent", "黄磊"),
            Map.entry("official-transport", "周婷"),
            Map.entry("official-dev-reform", "吴昊"),
            Map.entry("official-business", "徐丽"),
            Map.entry("leader", "孙建国"),
            Map.entry("head-industry-it", "马志远"));

    private final CommandGateway commands;
    private final AggregateStreams streams;

    DemoDirectory(CommandGateway commands, AggregateStreams streams) {
        this.commands = commands;
        this.streams = streams;
    }

    private static Map<String, String> departments() {
        Map<String, String> departments = new LinkedHashMap<>();
        departments.put("industry-it", "工业和信息化局");
        departments.put("admin-approval", "行政审批和政务服务局");
        departments.put("natural-resources", "自然资源局");
        departments.put("finance-office", "金融工作办公室");
        departments.put("human-resources", "人力资源和社会保障局");
        departments.put("transport", "交通运输局");
        departments.put("dev-reform", "发展和改革委员会");
        departments.put("business-environment", "营商环境局");
        return departments;
    }

    /** Each demo official's department. */
    private static Map<String, String> officials() {
        Map<String, String> officials = new LinkedHashMap<>();
        officials.put("official", "industry-it");
        officials.put("official-approval", "admin-approval");
        officials.put("official-land", "natural-resources");
        officials.put("official-finance", "finance-office");
        officials.put("official-talent", "human-resources");
        officials.put("official-transport", "transport");
        officials.put("official-dev-reform", "dev-reform");
        officials.put("official-business", "business-environment");
        return officials;
    }

    private static Map<AppealCategory, String> routes() {
        Map<AppealCategory, String> routes = new LinkedHashMap<>();
        routes.put(AppealCategory.PERMITS, "admin-approval");
        routes.put(AppealCategory.LAND, "natural-resources");
        routes.put(AppealCategory.POWER, "industry-it");
        routes.put(AppealCategory.FINANCE, "finance-office");
        routes.put(AppealCategory.TALENT, "human-resources");
        routes.put(AppealCategory.LOGISTICS, "transport");
        routes.put(AppealCategory.MARKETS_AND_ORDERS, "industry-it");
        routes.put(null, "business-environment"); // the default: OTHER and anything no rule takes
        return routes;
    }

    static List<Object> commands(Instant at) {
        List<Object> commands = new ArrayList<>();
        commands.add(new RegisterDepartmentCommand(CITY, "市委市政府", null, at));
        DEPARTMENTS.forEach((id, name) -> commands.add(new RegisterDepartmentCommand(id, name, CITY, at)));
        commands.add(new RegisterLeaderCommand("mayor", "周市长", "市长", LeaderRank.MAYOR, CITY, null, at));
        commands.add(new RegisterLeaderCommand(
                "leader", NAMES.get("leader"), "副市长", LeaderRank.DEPUTY_MAYOR, null, "mayor", at));
        commands.add(new RegisterLeaderCommand(
                "head-industry-it",
                NAMES.get("head-industry-it"),
                "工业和信息化局局长",
                LeaderRank.DEPARTMENT_HEAD,
                "industry-it",
                "leader",
                at));
        OFFICIALS.forEach(
                (id, department) -> commands.add(new RegisterOfficialCommand(id, NAMES.get(id), department, at)));
        commands.add(new AssignLiaisonCommand("91150200MA0QA0001T", "leader", true, at));
        commands.add(new AssignLiaisonCommand("91150200MA0QB0002M", "leader", false, at));
        ROUTES.forEach((category, department) -> commands.add(new AddRoutingRuleCommand(
                Ids.derive("demo-routing-rule", category == null ? "default" : category.name()),
                category == null ? RoutingConditions.DEFAULT : new RoutingConditions(category, null, null),
                department,
                at)));
        return commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        int added = 0;
        for (Object command : commands(Instant.now())) {
            if (streams.createIfAbsent(commands, command)) {
                added++;
            }
        }
        if (added > 0) {
            log.info("Registered {} demo directory entries", added);
        }
    }
}
