package cn.qinqing.resolution.slatier.web;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FieldError;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.resolution.casefile.command.SlaPolicy;
import cn.qinqing.resolution.casefile.command.SlaTierLookup;
import cn.qinqing.resolution.slatier.command.SetSlaTierCommand;
import cn.qinqing.resolution.slatier.command.SlaTier;
import cn.qinqing.resolution.slatier.command.TierRules;
import cn.qinqing.resolution.slatier.query.SlaTiers;
import cn.qinqing.resolution.slatier.query.TierVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA tiers (办理时限档次) per appeal category and urgency: the limits in force for each, where they come from (a tier,
 * or the configured defaults), every setting with its actor, basis and effective date, and setting a tier. A case
 * counts with the tier in force when it began; a setting never moves a running deadline (ADR 0016).
 */
@RestController
@RequestMapping(path = "/api/resolution/sla-tiers", produces = MediaType.APPLICATION_JSON_VALUE)
class SlaTierController {

    private final SlaTiers tiers;
    private final SlaPolicy sla;
    private final CommandGateway commands;
    private final FreshReads reads;

    SlaTierController(SlaTiers tiers, SlaPolicy sla, CommandGateway commands, FreshReads reads) {
        this.tiers = tiers;
        this.sla = sla;
        this.commands = commands;
        this.reads = reads;
    }

    /** Every category × urgency: the limits in force now, and the latest setting (which may take effect later). */
    @GetMapping
    ResponseEntity<List<TierView>> list() {
        Instant now = Instant.now();
        Map<String, TierVersion> latest = tiers.latest().stream()
                .collect(Collectors.toMap(tier -> tier.category() + "/" + tier.urgency(), Function.identity()));
        List<TierView> views = new ArrayList<>();
        for (AppealCategory category : AppealCategory.values()) {
            for (Urgency urgency : Urgency.values()) {
                TierVersion inForce =
                        tiers.inForce(category.name(), urgency.name(), now).orElse(null);
                SlaTierLookup.Limits defaults = sla.limits(null, urgency, now);
                views.add(new TierView(
                        category.name(),
                        urgency.name(),
                        inForce == null ? defaults.firstContactDays() : inForce.firstContactDays(),
                        inForce == null ? defaults.resolutionDays() : inForce.resolutionDays(),
                        inForce == null ? null : inForce.dispatchHours(),
                        inForce == null ? null : inForce.signForDays(),
                        inForce == null ? "DEFAULT" : "TIER",
                        inForce,
                        latest.get(category.name() + "/" + urgency.name()),
                        defaults.firstContactDays(),
                        defaults.resolutionDays()));
            }
        }
        return reads.ok(SlaTiers.PROCESSING_GROUP).body(views);
    }

    /** Every setting, latest first; of one category and/or urgency when given. */
    @GetMapping("/history")
    ResponseEntity<List<TierVersion>> history(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String urgency,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "must be between 1 and 500");
        }
        String categoryName = category == null || category.isBlank()
                ? null
                : category(category).name();
        String urgencyName =
                urgency == null || urgency.isBlank() ? null : urgency(urgency).name();
        return reads.ok(SlaTiers.PROCESSING_GROUP).body(tiers.history(categoryName, urgencyName, limit));
    }

    /**
     * Sets the tier of a category and urgency from a day on (today or later, Beijing time). {@code If-Match} (the
     * version the administrator read) is optional for a tier's first setting; a stale one answers 409.
     */
    @PutMapping(path = "/{category}/{urgency}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Set> set(
            @PathVariable("category") String categoryText,
            @PathVariable("urgency") String urgencyText,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SetTier request) {
        List<FieldError> errors = new ArrayList<>();
        AppealCategory category = null;
        Urgency urgency = null;
        try {
            category = category(categoryText);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        try {
            urgency = urgency(urgencyText);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        LocalDate effectiveFrom = null;
        boolean dateMistyped = false;
        if (request.effectiveFrom() != null && !request.effectiveFrom().isBlank()) {
            try {
                effectiveFrom = LocalDate.parse(request.effectiveFrom().trim());
            } catch (DateTimeParseException e) {
                dateMistyped = true;
                errors.add(new FieldError("effectiveFrom", "must be a date such as 2027-01-01"));
            }
        }
        LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
        boolean mistyped = dateMistyped;
        TierRules.problems(
                        request.firstContactDays(),
                        request.resolutionDays(),
                        request.dispatchHours(),
                        request.signForDays(),
                        effectiveFrom,
                        request.basis(),
                        today)
                .forEach((field, message) -> {
                    if (!(mistyped && field.equals("effectiveFrom"))) {
                        errors.add(new FieldError(field, message));
                    }
                });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : ETags.version(ifMatch);
        long version = commands.sendAndWait(new SetSlaTierCommand(
                SlaTier.idOf(category, urgency),
                category,
                urgency,
                request.firstContactDays(),
                request.resolutionDays(),
                request.dispatchHours(),
                request.signForDays(),
                effectiveFrom,
                request.basis(),
                Actor.require().subject(),
                Instant.now(),
                today,
                expected));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Set(category.name(), urgency.name(), version));
    }

    private static AppealCategory category(String text) {
        try {
            return AppealCategory.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "category", "is not a category of appeals: one of " + Arrays.toString(AppealCategory.values()));
        }
    }

    private static Urgency urgency(String text) {
        try {
            return Urgency.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "urgency", "is not an urgency: one of " + Arrays.toString(Urgency.values()));
        }
    }

    /**
     * A tier's setting.
     *
     * @param dispatchHours, signForDays the assignment service's dispatch (hours) and sign-for (working days) limits
     *     for this tier; absent: its defaults
     * @param effectiveFrom a date (yyyy-MM-dd), today or later in Beijing
     * @param basis why, or the official document (依据), at most 500 characters
     */
    record SetTier(
            Integer firstContactDays,
            Integer resolutionDays,
            Integer dispatchHours,
            Integer signForDays,
            String effectiveFrom,
            String basis) {}

    /** What a setting answers: the tier and its new version (also the ETag). */
    record Set(String category, String urgency, long version) {}

    /**
     * One category × urgency.
     *
     * @param dispatchHours, signForDays the assignment service's limits in force; null: its defaults
     * @param origin TIER (an administrator's setting is in force) or DEFAULT (the service's configured limits)
     * @param inForce the setting in force now, if any
     * @param latest the latest setting, if any: the version to name in If-Match; it may take effect later
     */
    record TierView(
            String category,
            String urgency,
            int firstContactDays,
            int resolutionDays,
            Integer dispatchHours,
            Integer signForDays,
            String origin,
            TierVersion inForce,
            TierVersion latest,
            int defaultFirstContactDays,
            int defaultResolutionDays) {}
}
