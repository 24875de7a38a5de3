package cn.qinqing.language.meeting;

import java.util.List;

/**
 * Who came to a meeting (出席情况), as the minutes record it.
 *
 * @param enterpriseIds the enterprises (USCC) that attended
 * @param departmentIds the departments that attended
 * @param leaderIds the leaders present besides the host
 */
public record Attendance(List<String> enterpriseIds, List<String> departmentIds, List<String> leaderIds) {

    public Attendance {
        enterpriseIds = enterpriseIds == null ? List.of() : List.copyOf(enterpriseIds);
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        leaderIds = leaderIds == null ? List.of() : List.copyOf(leaderIds);
    }
}
