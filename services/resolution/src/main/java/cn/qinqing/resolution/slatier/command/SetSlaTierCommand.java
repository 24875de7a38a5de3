package cn.qinqing.resolution.slatier.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator sets the time limits of one SLA tier (category × urgency), from a day on.
 *
 * @param dispatchHours, signForDays the assignment service's clocks for this tier; null: its defaults
 * @param expectedVersion the tier's version the administrator read (If-Match); null for "whatever it is now"
 * @param today the day in Beijing when the command was given: an effective date before it is refused
 */
public record SetSlaTierCommand(
        @TargetAggregateIdentifier UUID tierId,
        AppealCategory category,
        Urgency urgency,
        int firstContactDays,
        int resolutionDays,
        Integer dispatchHours,
        Integer signForDays,
        LocalDate effectiveFrom,
        String basis,
        String setBy,
        Instant setAt,
        LocalDate today,
        Long expectedVersion) {}
