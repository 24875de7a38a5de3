package cn.qinqing.appeals.appeal.web;

import java.util.UUID;

/** The answer to an update: the appeal's new version (also its ETag). */
record AppealChanged(UUID id, long version) {}
