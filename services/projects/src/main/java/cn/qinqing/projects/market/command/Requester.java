package cn.qinqing.projects.market.command;

import cn.qinqing.language.Role;

/**
 * Who asks a post or a match to change, as far as they decide on it: an enterprise's user for its own posts and its
 * consent; a broker (a dispatcher, an official or leader of the market's department, an admin) for matches.
 *
 * @param enterpriseId the enterprise of an enterprise user (from the token), else null
 * @param departmentId the department of an official or leader, else null
 */
public record Requester(String subject, Role role, String enterpriseId, String departmentId) {

    /** The system itself (demo data). */
    public static Requester system(String service) {
        return new Requester("system:" + service, Role.ADMIN, null, null);
    }

    boolean isUserOf(String enterprise) {
        return role == Role.ENTERPRISE && enterprise != null && enterprise.equals(enterpriseId);
    }

    /** Whether this requester brokers the market run by the given department. */
    boolean brokersFor(String marketDepartment) {
        return role == Role.ADMIN
                || role == Role.DISPATCHER
                || ((role == Role.OFFICIAL || role == Role.LEADER) && marketDepartment.equals(departmentId));
    }
}
