package cn.qinqing.assignment.directory.web;

/** The answer to a directory write: the entry's id and new version (also its ETag). */
record Changed(String id, long version) {}
