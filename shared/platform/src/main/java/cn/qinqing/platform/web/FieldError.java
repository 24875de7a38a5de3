package cn.qinqing.platform.web;

/** One field of a request that was refused, and why. Listed under {@code errors} in a problem detail. */
public record FieldError(String field, String message) {}
