package cn.qinqing.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table-driven authorization test (R6): every endpoint of a service's declared policy × every role, and no token
 * at all. A role the policy does not name must get 403, no token 401 (unless the endpoint is public), and a role it
 * names must get through the security layer (any answer but 401/403; a 404 for an id that does not exist is fine).
 * What goes wrong is collected, so that one run lists every hole.
 */
public final class AuthorizationMatrix {

    public static final List<String> ROLES =
            List.of("ENTERPRISE", "DISPATCHER", "OFFICIAL", "LEADER", "SUPERVISOR", "ADMIN");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /** One line of a policy, as plain values so that test support needs no platform classes. */
    public record Endpoint(String method, String pattern, Set<String> roles) {}

    private AuthorizationMatrix() {}

    /** @return one line per violation; empty when the service behaves as its policy says */
    public static List<String> violations(HttpApi api, TestIdentityProvider tokens, List<Endpoint> endpoints) {
        List<String> violations = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String path = concrete(endpoint.pattern());
            int anonymous = call(api, endpoint.method(), path, null);
            if (endpoint.roles().isEmpty()) {
                if (anonymous == 401 || anonymous == 403) {
                    violations.add(endpoint + " is public but refused anonymous with " + anonymous);
                }
                continue;
            }
            if (anonymous != 401) {
                violations.add(endpoint + " answered " + anonymous + " without a token (expected 401)");
            }
            for (String role : ROLES) {
                String token = tokens.token(
                        "matrix-" + role.toLowerCase(),
                        role,
                        role.equals("ENTERPRISE") ? "91150200MA0QA0001T" : null,
                        role.equals("OFFICIAL") ? "industry-it" : null);
                int status = call(api, endpoint.method(), path, token);
                boolean allowed = endpoint.roles().contains(role);
                if (allowed && (status == 401 || status == 403)) {
                    violations.add(
                            endpoint + " refused " + role + " with " + status + " although the policy allows it");
                } else if (!allowed && status != 403) {
                    violations.add(endpoint + " answered " + status + " to " + role + " (expected 403)");
                }
            }
        }
        return violations;
    }

    private static int call(HttpApi api, String method, String path, String token) {
        HttpApi.Call call =
                switch (method) {
                    case "GET" -> api.get(path);
                    case "POST" -> api.post(path);
                    case "PUT" -> api.put(path);
                    case "DELETE" -> api.delete(path);
                    default -> throw new IllegalArgumentException(method);
                };
        if (token != null) {
            call.token(token);
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            call.body("{}"); // the body is wrong on purpose: only the security layer's answer matters here
        }
        return call.send().status();
    }

    /** The pattern with every path variable replaced by an id that exists nowhere. */
    static String concrete(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern.replace("/**", ""));
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase();
            String value = name.contains("uscc")
                    ? "91150200MA0QC0003G"
                    : name.contains("year")
                            ? "2026"
                            : name.contains("group")
                                    ? "nothing-here"
                                    : UUID.randomUUID().toString();
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
