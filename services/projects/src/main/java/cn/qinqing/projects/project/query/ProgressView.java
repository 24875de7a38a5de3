package cn.qinqing.projects.project.query;

import java.time.Instant;

public record ProgressView(String note, String notedBy, Instant notedAt) {}
