package cn.qinqing.assignment.dispatch.web;

import java.util.UUID;

/** The answer to a command: the assignment's new version (also its ETag). */
record AssignmentChanged(UUID appealId, long version) {}
