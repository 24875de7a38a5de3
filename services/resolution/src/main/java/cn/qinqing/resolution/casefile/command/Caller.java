package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.Role;

/**
 * Who sends a command, as the case file needs to know it to decide.
 *
 * @param departmentId the department of an OFFICIAL, or the department a LEADER heads (null for a leader heading none)
 * @param leaderInCharge whether the caller is the leader who took charge of the appeal (领办), as the read model knows
 */
public record Caller(String id, Role role, String departmentId, boolean leaderInCharge) {

    /** An official of the given department. */
    boolean worksIn(String department) {
        return role == Role.OFFICIAL && department != null && department.equals(departmentId);
    }

    /** The leader in charge, or the head (a LEADER whose department is the holding one). */
    boolean decidesFor(String department) {
        return role == Role.LEADER && (leaderInCharge || (department != null && department.equals(departmentId)));
    }
}
