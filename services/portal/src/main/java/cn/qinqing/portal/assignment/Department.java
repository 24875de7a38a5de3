package cn.qinqing.portal.assignment;

/** A department of the city's directory. */
public record Department(String departmentId, String name, String parentDepartmentId) {}
