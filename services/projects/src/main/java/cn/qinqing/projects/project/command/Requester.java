package cn.qinqing.projects.project.command;

import cn.qinqing.language.Role;

/**
 * Who asks a key project to change, as far as the project decides on it: its responsible leader, a leader or official
 * of its responsible department, or an admin.
 *
 * @param subject the user name of the caller
 * @param departmentId the department of an official (or of a leader heading one), else null
 */
public record Requester(String subject, Role role, String departmentId) {

    /** The system itself (demo data, reactions). */
    public static Requester system(String service) {
        return new Requester("system:" + service, Role.ADMIN, null);
    }
}
