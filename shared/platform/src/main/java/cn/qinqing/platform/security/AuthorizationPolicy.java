package cn.qinqing.platform.security;

import java.util.List;

/**
 * A service's declared authorization policy: every endpoint it serves, with the roles that may call it. Anything not
 * listed is refused. The policy is the one place that says who may call what; tests are generated from it.
 */
public interface AuthorizationPolicy {
    List<EndpointRule> rules();
}
