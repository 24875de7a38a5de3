package cn.qinqing.assignment.dispatch.query;

import java.util.List;

/**
 * Which assignments a list shows.
 *
 * @param statuses only these statuses (any when empty)
 * @param departmentId only those this department holds
 * @param leaderId only those this leader is responsible for
 */
public record AssignmentFilter(List<String> statuses, String departmentId, String leaderId) {}
