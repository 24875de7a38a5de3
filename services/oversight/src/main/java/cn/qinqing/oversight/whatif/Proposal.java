package cn.qinqing.oversight.whatif;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.calendar.CalendarYear;
import cn.qinqing.language.calendar.Holiday;
import cn.qinqing.language.calendar.InvalidCalendarYearException;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.platform.web.FieldError;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a what-if run replays the period under: other time limits (SLA tiers), other working-calendar years and another
 * routing catalogue. The
 * time limits are in working days of the calendar (7 working hours each), like the services' own settings
 * ({@code qinqing.resolution.sla.resolution-days}, {@code qinqing.assignment.sign-for-working-days}); a calendar year
 * has the shape the admin loads with {@code PUT /api/resolution/calendar/{year}} and replaces that year. Anything left
 * out stays as it was.
 *
 * @param sla the proposed time limits; null: as they were
 * @param calendar the proposed calendar years; null or empty: as they were
 * @param routing the proposed routing catalogue for appeals routed automatically; null or empty: as they were
 */
public record Proposal(Sla sla, List<Year> calendar, List<Route> routing) {

    /** What a department id looks like (as the API's parameters take it). */
    static final String DEPARTMENT_ID = "[A-Za-z0-9._:-]{1,64}";

    /** The longest limit a proposal may set, in working days. */
    static final int MAX_DAYS = 60;

    public Proposal {
        calendar = calendar == null ? List.of() : List.copyOf(calendar);
        routing = routing == null ? List.of() : List.copyOf(routing);
    }

    /** The same proposal without routing rules (what the time-limit and calendar parts are tested with). */
    public Proposal(Sla sla, List<Year> calendar) {
        this(sla, calendar, List.of());
    }

    /**
     * One routing rule of a proposed catalogue, in the shape of {@code POST /api/assignment/routing-rules}: appeals of
     * the category (and chain position, and district, when given) go to the department; a rule without a category is
     * the default. The most specific matching rule wins, as in the assignment service.
     */
    public record Route(
            AppealCategory category, IndustryChainPosition chainPosition, String district, String departmentId) {

        int specificity() {
            return (chainPosition == null ? 0 : 1) + (district == null ? 0 : 1);
        }
    }

    /**
     * Proposed time limits.
     *
     * @param signForWorkingDays days a department has to sign for a dispatched or transferred appeal
     * @param firstContactWorkingDays days from the case file's opening to the first contact with the enterprise
     * @param resolution days to the answer per urgency, optionally narrowed to one category (a tier naming the
     *     category wins over one that does not)
     */
    public record Sla(Integer signForWorkingDays, Integer firstContactWorkingDays, List<Tier> resolution) {
        public Sla {
            resolution = resolution == null ? List.of() : List.copyOf(resolution);
        }
    }

    /** One SLA tier: the days to answer an appeal of this urgency (and category, when given). */
    public record Tier(AppealCategory category, Urgency urgency, Integer workingDays) {}

    /** One working-calendar year as the admin loads it. */
    public record Year(
            Integer year, String source, Boolean provisional, List<Day> holidays, List<LocalDate> makeUpWorkingDays) {}

    /** A holiday period: every date from {@code from} to {@code to}, both included, is a day off. */
    public record Day(String name, LocalDate from, LocalDate to) {}

    /** Nothing proposed: the period replays as it was (what "as was" is computed with). */
    static Proposal none() {
        return new Proposal(null, List.of(), List.of());
    }

    /** Whether it proposes anything at all. */
    boolean proposesSomething() {
        return !calendar.isEmpty()
                || !routing.isEmpty()
                || (sla != null
                        && (sla.signForWorkingDays() != null
                                || sla.firstContactWorkingDays() != null
                                || !sla.resolution().isEmpty()));
    }

    /**
     * The department the proposed catalogue routes an appeal to, as the assignment service chooses: the most
     * specific rule of its category whose conditions hold, else the default rule; empty when none applies (then the
     * route stays as it was).
     */
    Optional<String> route(AppealCategory category, IndustryChainPosition chainPosition, String district) {
        Route best = null;
        for (Route rule : routing) {
            if (rule.category() == null || rule.category() != category) {
                continue;
            }
            if (rule.chainPosition() != null && rule.chainPosition() != chainPosition) {
                continue;
            }
            if (rule.district() != null && !rule.district().equals(district)) {
                continue;
            }
            if (best == null || rule.specificity() > best.specificity()) {
                best = rule;
            }
        }
        if (best == null) {
            best = routing.stream()
                    .filter(rule -> rule.category() == null)
                    .findFirst()
                    .orElse(null);
        }
        return best == null ? Optional.empty() : Optional.of(best.departmentId());
    }

    boolean changesCalendar() {
        return !calendar.isEmpty();
    }

    /** The proposed limit to sign for, if one is proposed. */
    Optional<Duration> signForLimit() {
        return days(sla == null ? null : sla.signForWorkingDays());
    }

    Optional<Duration> firstContactLimit() {
        return days(sla == null ? null : sla.firstContactWorkingDays());
    }

    /** The proposed limit to answer an appeal of this category and urgency, if a tier covers it. */
    Optional<Duration> resolutionLimit(AppealCategory category, Urgency urgency) {
        if (sla == null || urgency == null) {
            return Optional.empty();
        }
        Tier general = null;
        for (Tier tier : sla.resolution()) {
            if (tier.urgency() != urgency) {
                continue;
            }
            if (tier.category() == null) {
                general = tier;
            } else if (tier.category() == category) {
                return days(tier.workingDays());
            }
        }
        return general == null ? Optional.empty() : days(general.workingDays());
    }

    private static Optional<Duration> days(Integer days) {
        return days == null ? Optional.empty() : Optional.of(WorkingCalendar.WORKING_DAY.multipliedBy(days));
    }

    /** The calendar the period replays under: the real one with the proposed years in place of theirs. */
    WorkingCalendar calendar(WorkingCalendar real) {
        WorkingCalendar proposed = real;
        for (Year year : calendar) {
            proposed = proposed.with(calendarYear(year));
        }
        return proposed;
    }

    private static CalendarYear calendarYear(Year year) {
        return new CalendarYear(
                year.year(),
                Boolean.TRUE.equals(year.provisional()),
                year.source() == null || year.source().isBlank() ? "what-if proposal" : year.source(),
                year.holidays() == null
                        ? List.of()
                        : year.holidays().stream()
                                .map(day -> new Holiday(day.name(), day.from(), day.to()))
                                .toList(),
                year.makeUpWorkingDays());
    }

    /** What is wrong with the proposal, each problem with the field it is in; empty when it may run. */
    List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (sla != null) {
            limit(problems, "proposal.sla.signForWorkingDays", sla.signForWorkingDays());
            limit(problems, "proposal.sla.firstContactWorkingDays", sla.firstContactWorkingDays());
            Set<String> tiers = new HashSet<>();
            for (int i = 0; i < sla.resolution().size(); i++) {
                Tier tier = sla.resolution().get(i);
                String field = "proposal.sla.resolution[" + i + "]";
                if (tier == null) {
                    problems.add(new FieldError(field, "must be a tier"));
                    continue;
                }
                if (tier.urgency() == null) {
                    problems.add(new FieldError(field + ".urgency", "must be given"));
                }
                if (tier.workingDays() == null) {
                    problems.add(new FieldError(field + ".workingDays", "must be given"));
                } else {
                    limit(problems, field + ".workingDays", tier.workingDays());
                }
                if (!tiers.add(tier.category() + "/" + tier.urgency())) {
                    problems.add(new FieldError(
                            field, "must not repeat the tier of " + tier.category() + " and " + tier.urgency()));
                }
            }
        }
        Set<String> conditions = new HashSet<>();
        for (int i = 0; i < routing.size(); i++) {
            Route rule = routing.get(i);
            String field = "proposal.routing[" + i + "]";
            if (rule == null) {
                problems.add(new FieldError(field, "must be a rule"));
                continue;
            }
            if (rule.departmentId() == null || !rule.departmentId().matches(DEPARTMENT_ID)) {
                problems.add(new FieldError(field + ".departmentId", "must be a department id"));
            }
            if (rule.district() != null
                    && (rule.district().isBlank() || rule.district().length() > 100)) {
                problems.add(new FieldError(field + ".district", "must be 1 to 100 characters, or left out"));
            }
            if (rule.category() == null && (rule.chainPosition() != null || rule.district() != null)) {
                problems.add(new FieldError(field + ".category", "must be given for a rule with conditions"));
            }
            if (!conditions.add(rule.category() + "/" + rule.chainPosition() + "/" + rule.district())) {
                problems.add(new FieldError(field, "has the same conditions as an earlier rule"));
            }
        }
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < calendar.size(); i++) {
            Year year = calendar.get(i);
            String field = "proposal.calendar[" + i + "]";
            if (year == null || year.year() == null) {
                problems.add(new FieldError(field + ".year", "must be given"));
                continue;
            }
            if (!years.add(year.year())) {
                problems.add(new FieldError(field + ".year", "is proposed twice"));
            }
            List<Day> holidays = year.holidays() == null ? List.of() : year.holidays();
            boolean complete = true;
            for (int h = 0; h < holidays.size(); h++) {
                Day day = holidays.get(h);
                String at = field + ".holidays[" + h + "]";
                if (day == null || day.name() == null || day.name().isBlank()) {
                    problems.add(new FieldError(at + ".name", "must be given"));
                    complete = false;
                } else if (day.from() == null || day.to() == null) {
                    problems.add(new FieldError(at, "must have both from and to"));
                    complete = false;
                } else if (day.to().isBefore(day.from())) {
                    problems.add(new FieldError(at + ".to", "must not be before from"));
                    complete = false;
                }
            }
            if (year.makeUpWorkingDays() != null && year.makeUpWorkingDays().contains(null)) {
                problems.add(new FieldError(field + ".makeUpWorkingDays", "must not hold an empty date"));
                complete = false;
            }
            if (complete) {
                try {
                    calendarYear(year);
                } catch (InvalidCalendarYearException e) {
                    e.problems().forEach(problem -> problems.add(new FieldError(field, problem)));
                }
            }
        }
        return problems;
    }

    private static void limit(List<FieldError> problems, String field, Integer days) {
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            problems.add(new FieldError(field, "must be between 1 and " + MAX_DAYS + " working days"));
        }
    }
}
