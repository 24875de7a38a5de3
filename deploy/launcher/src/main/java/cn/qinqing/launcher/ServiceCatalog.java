package cn.qinqing.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** Every service of the platform. A new service joins the run command and the end-to-end tests with one line here. */
public final class ServiceCatalog {

    public static final String PORTAL = "portal";

    /** In the order their addresses are printed: the portal, where people start, comes first. */
    public static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("portal", 8080, "services/portal/target/qinqing-portal.jar", true),
            new ServiceDefinition("identity", 9000, "services/identity/target/qinqing-identity.jar", false),
            new ServiceDefinition("appeals", 8081, "services/appeals/target/qinqing-appeals.jar", true),
            new ServiceDefinition("assignment", 8082, "services/assignment/target/qinqing-assignment.jar", true),
            new ServiceDefinition("resolution", 8083, "services/resolution/target/qinqing-resolution.jar", true),
            new ServiceDefinition("meetings", 8084, "services/meetings/target/qinqing-meetings.jar", true),
            new ServiceDefinition("oversight", 8085, "services/oversight/target/qinqing-oversight.jar", true),
            new ServiceDefinition(
                    "notifications", 8086, "services/notifications/target/qinqing-notifications.jar", true),
            new ServiceDefinition("projects", 8087, "services/projects/target/qinqing-projects.jar", true));

    public static final String NOTIFICATIONS = "notifications";

    private ServiceCatalog() {}

    /** The service called {@code name}; refused with the list of known names if there is none. */
    public static ServiceDefinition service(String name) {
        return ALL.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("Unknown service '" + name + "'; known: " + names(ALL)));
    }

    /** The named services, in catalogue order. */
    public static List<ServiceDefinition> named(String... names) {
        List<String> wanted = Arrays.stream(names).map(String::trim).toList();
        wanted.forEach(ServiceCatalog::service);
        return ALL.stream().filter(service -> wanted.contains(service.name())).toList();
    }

    /**
     * What the portal and identity are told so that they find each other and the services on whatever ports they run:
     * the portal each service's address, identity the portal's address (the demo portal client's redirects, local
     * profile). The issuer reaches the portal as it reaches every service that needs identity.
     *
     * @param port the port of each service, by name
     * @return command-line arguments by service name
     */
    public static Map<String, List<String>> wiring(ToIntFunction<String> port) {
        List<String> portal = new ArrayList<>();
        for (ServiceDefinition service : ALL) {
            if (!service.name().equals(PORTAL) && !service.isIdentity()) {
                portal.add("--qinqing.portal.services." + service.name() + "=http://localhost:"
                        + port.applyAsInt(service.name()));
            }
        }
        return Map.of(
                PORTAL,
                List.copyOf(portal),
                ServiceDefinition.IDENTITY,
                List.of("--qinqing.demo.portal-url=http://localhost:" + port.applyAsInt(PORTAL)),
                // the links in e-mails point at the portal
                NOTIFICATIONS,
                List.of("--qinqing.notifications.portal-url=http://localhost:" + port.applyAsInt(PORTAL)));
    }

    static String names(List<ServiceDefinition> services) {
        return services.stream().map(ServiceDefinition::name).collect(Collectors.joining(", "));
    }
}
