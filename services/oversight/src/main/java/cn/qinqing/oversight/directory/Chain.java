package cn.qinqing.oversight.directory;

import java.util.Set;

/**
 * A leader's chain of command: the leader and every leader under them, and the departments those leaders head
 * (with the departments under those). A LEADER reads what concerns their chain; "per leader" KPIs count it.
 */
public record Chain(String leaderId, Set<String> leaders, Set<String> departments) {

    public Chain {
        leaders = Set.copyOf(leaders);
        departments = Set.copyOf(departments);
    }

    /** Whether something of this department, or in the charge of one of these leaders, is the chain's. */
    public boolean covers(String departmentId, Iterable<String> leaderIds) {
        if (departmentId != null && departments.contains(departmentId)) {
            return true;
        }
        for (String leader : leaderIds) {
            if (leader != null && leaders.contains(leader)) {
                return true;
            }
        }
        return false;
    }

    public boolean coversDepartment(String departmentId) {
        return departmentId != null && departments.contains(departmentId);
    }

    public boolean coversLeader(String leader) {
        return leader != null && leaders.contains(leader);
    }
}
