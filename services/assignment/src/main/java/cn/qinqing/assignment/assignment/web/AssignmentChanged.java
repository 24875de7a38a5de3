package cn.qinqing.assignment.assignment.web;

import java.util.UUID;

/** The answer to a command: the assignment's new version (also its ETag). */
record AssignmentChanged(UUID appealId, long version) {}
