package cn.qinqing.appeals.appeal.web;

import java.util.UUID;

/** The answer to a filing: the new appeal's id, status and version (also its ETag). */
record AppealFiled(UUID id, String status, long version) {}
