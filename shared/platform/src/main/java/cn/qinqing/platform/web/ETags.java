package cn.qinqing.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Aggregate versions as ETags ({@code "3"}) and back, for {@code If-Match}. */
public final class ETags {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; 428 when absent, 400 when it is not a version of ours. */
    public static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match", "must be the ETag you read, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
