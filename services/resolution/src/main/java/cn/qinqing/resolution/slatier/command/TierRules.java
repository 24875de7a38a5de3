package cn.qinqing.resolution.slatier.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an SLA tier must be: whole working days from 1 to {@link #MOST_DAYS}, the answer no sooner due than first
 * contact, dispatch (if given) whole hours from 1 to {@link #MOST_DISPATCH_HOURS}, sign-for (if given) whole working
 * days, an effective date not in the past, and a basis. The API names each broken rule beside its field; the
 * aggregate refuses the same.
 */
public final class TierRules {

    /** About a working year: a longer limit is a typing error, not a policy. */
    public static final int MOST_DAYS = 250;

    public static final int MOST_BASIS = 500;

    /** A month of hours in the dispatcher's queue: longer is a typing error. */
    public static final int MOST_DISPATCH_HOURS = 720;

    private TierRules() {}

    /** Field → what is wrong with it, in the order of the form; empty when the tier may be set. */
    public static Map<String, String> problems(
            Integer firstContactDays,
            Integer resolutionDays,
            Integer dispatchHours,
            Integer signForDays,
            LocalDate effectiveFrom,
            String basis,
            LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        days("firstContactDays", firstContactDays, problems);
        days("resolutionDays", resolutionDays, problems);
        if (dispatchHours != null && (dispatchHours < 1 || dispatchHours > MOST_DISPATCH_HOURS)) {
            problems.put("dispatchHours", "must be a whole number of hours from 1 to " + MOST_DISPATCH_HOURS);
        }
        if (signForDays != null) {
            days("signForDays", signForDays, problems);
        }
        if (!problems.containsKey("firstContactDays")
                && !problems.containsKey("resolutionDays")
                && resolutionDays < firstContactDays) {
            problems.put(
                    "resolutionDays",
                    "must not be shorter than the first-contact limit (" + firstContactDays + " working days)");
        }
        if (effectiveFrom == null) {
            problems.put("effectiveFrom", "is required: the day the limits apply from");
        } else if (effectiveFrom.isBefore(today)) {
            problems.put("effectiveFrom", "may not be before today (" + today + "): running deadlines never move");
        }
        if (basis == null || basis.isBlank()) {
            problems.put("basis", "is required: the reason or the official document the limits come from");
        } else if (basis.length() > MOST_BASIS) {
            problems.put("basis", "must be at most " + MOST_BASIS + " characters");
        }
        return problems;
    }

    private static void days(String field, Integer days, Map<String, String> problems) {
        if (days == null) {
            problems.put(field, "is required: a whole number of working days");
        } else if (days < 1 || days > MOST_DAYS) {
            problems.put(field, "must be a whole number of working days from 1 to " + MOST_DAYS);
        }
    }

    /** The problems as one sentence, for the aggregate's refusal. */
    static String describe(Map<String, String> problems) {
        List<String> parts = new ArrayList<>();
        problems.forEach((field, message) -> parts.add(field + " " + message));
        return String.join("; ", parts);
    }
}
