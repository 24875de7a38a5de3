package cn.qinqing.portal.web;

import cn.qinqing.portal.service.ApiProblem;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The services answer in English; people read Chinese or English. This maps the messages and problem codes the
 * services are known to give to keys of the portal's message bundles ({@code error.*}, {@code problem.*}), with the
 * service's own text as the fallback for anything new.
 */
public final class ProblemMessages {

    private record Rule(Pattern pattern, Function<Matcher, Resolved> resolve) {}

    /** A bundle key and its arguments. */
    public record Resolved(String code, Object... args) {}

    private static final List<Rule> FIELD_RULES = List.of(
            rule("must not be (?:blank|null|empty)", m -> new Resolved("error.required")),
            rule("size must be between 0 and (\\d+)", m -> new Resolved("error.size.max", number(m.group(1)))),
            rule(
                    "size must be between (\\d+) and (\\d+)",
                    m -> new Resolved("error.size", number(m.group(1)), number(m.group(2)))),
            rule("must not contain control characters", m -> new Resolved("error.plainText")),
            rule("must be a phone number", m -> new Resolved("error.phone")),
            rule("must be a well-formed email address", m -> new Resolved("error.email")),
            rule(
                    "is not a valid Unified Social Credit Code: must be 18 characters long",
                    m -> new Resolved("error.uscc.length")),
            rule(
                    "is not a valid Unified Social Credit Code: character (\\d+) is not allowed.*",
                    m -> new Resolved("error.uscc.character", number(m.group(1)))),
            rule(
                    "is not a valid Unified Social Credit Code: characters 3 to 8 .*",
                    m -> new Resolved("error.uscc.division")),
            rule(
                    "is not a valid Unified Social Credit Code: check character .*",
                    m -> new Resolved("error.uscc.check")),
            rule("is not a valid Unified Social Credit Code.*", m -> new Resolved("error.uscc")),
            rule(
                    "must be the code of the enterprise your account belongs to",
                    m -> new Resolved("error.uscc.notYours")),
            rule("must be one of .*", m -> new Resolved("error.choice")),
            rule("must be less than or equal to (\\d+)", m -> new Resolved("error.max", number(m.group(1)))),
            rule("must be greater than or equal to (\\d+)", m -> new Resolved("error.min", number(m.group(1)))),
            rule("must be a (?:future|present|future or present) .*", m -> new Resolved("error.future")),
            rule("must be in the future", m -> new Resolved("error.future")),
            rule("must lie in the future", m -> new Resolved("error.future")),
            rule("must lie after startsAt", m -> new Resolved("error.afterStart")),
            rule("must lie between now and startsAt", m -> new Resolved("error.cutOff")),
            rule("must say why .*", m -> new Resolved("error.sayWhy")),
            rule("must not lie before the signing.*", m -> new Resolved("error.beforeSigning")),
            rule("must not lie before the milestone it follows", m -> new Resolved("error.beforePrevious")),
            rule("must not lie in the future.*", m -> new Resolved("error.notFuture")),
            rule("must be more than zero.*", m -> new Resolved("error.positive")),
            rule("must be an id such as .*", m -> new Resolved("error.slug")),
            rule("must name the policy or regulation the answer rests on", m -> new Resolved("error.policyBasis")),
            rule(
                    "must name enterprises, chain positions, key enterprises, or a mix",
                    m -> new Resolved("error.invitees")),
            rule("must (?:name|give) the .*", m -> new Resolved("error.required")),
            rule("is required", m -> new Resolved("error.required")),
            rule("is required: .*", m -> new Resolved("error.required")),
            // SLA tiers (the resolution service)
            rule(
                    "must be a whole number of working days from (\\d+) to (\\d+)",
                    m -> new Resolved("error.workingDays", number(m.group(1)), number(m.group(2)))),
            rule(
                    "must not be shorter than the first-contact limit \\((\\d+) working days\\)",
                    m -> new Resolved("error.notShorterThanFirstContact", number(m.group(1)))),
            rule("may not be before today \\((.+)\\).*", m -> new Resolved("error.notBeforeToday", m.group(1))),
            rule("must be a date such as .*", m -> new Resolved("error.date")),
            rule(
                    "must be a whole number of hours from (\\d+) to (\\d+)",
                    m -> new Resolved("error.hours", number(m.group(1)), number(m.group(2)))),
            rule("must be at most (\\d+) characters", m -> new Resolved("error.size.max", number(m.group(1)))),
            rule("has the wrong type.*", m -> new Resolved("error.type")),
            rule("is not a field of this request", m -> new Resolved("error.type")));

    private ProblemMessages() {}

    private static Rule rule(String regex, Function<Matcher, Resolved> resolve) {
        return new Rule(Pattern.compile(regex), resolve);
    }

    private static Integer number(String digits) {
        return Integer.valueOf(digits);
    }

    /** The bundle key for a field's message, or null when the message is not one we know. */
    public static Resolved forField(String message) {
        if (message == null) {
            return null;
        }
        for (Rule rule : FIELD_RULES) {
            Matcher matcher = rule.pattern().matcher(message.trim());
            if (matcher.matches()) {
                return rule.resolve().apply(matcher);
            }
        }
        return null;
    }

    /** A field's message in the user's language where known, the service's text otherwise. */
    public static MessageSourceResolvable field(ApiProblem.FieldProblem problem) {
        Resolved resolved = forField(problem.message());
        String fallback = problem.message();
        if (resolved == null) {
            return new DefaultMessageSourceResolvable(
                    new String[] {"error.unknown"}, new Object[] {fallback}, fallback);
        }
        return new DefaultMessageSourceResolvable(new String[] {resolved.code()}, resolved.args(), fallback);
    }

    /** The problem as a whole: {@code problem.<code>} where the bundles know the code, else the service's detail. */
    public static MessageSourceResolvable problem(ApiProblem problem) {
        String fallback = problem.detail() != null ? problem.detail() : problem.code();
        return new DefaultMessageSourceResolvable(
                new String[] {"problem." + problem.code(), "problem.status." + problem.status(), "error.unknown"},
                new Object[] {fallback},
                fallback);
    }
}
