package cn.qinqing.resolution.slatier.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.resolution.SlaTierSetEvent;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One SLA tier (办理时限档次): the time limits of the appeals of one category and urgency. Each setting is an event with
 * its actor, basis and effective date; together they are the tier's history. Identified by {@link #idOf}. Without any
 * setting, a case counts with the service's configured defaults.
 */
@Aggregate(type = "SlaTier")
public class SlaTier {

    @AggregateIdentifier
    private UUID tierId;

    private int firstContactDays;
    private int resolutionDays;
    private Integer dispatchHours;
    private Integer signForDays;
    private LocalDate effectiveFrom;
    private String basis;

    protected SlaTier() {
        // for Axon
    }

    public static UUID idOf(AppealCategory category, Urgency urgency) {
        return Ids.derive("sla-tier", category.name() + "/" + urgency.name());
    }

    /** @return the tier's version after the command: its ETag */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetSlaTierCommand command) {
        if (!command.tierId().equals(idOf(command.category(), command.urgency()))) {
            throw new IllegalArgumentException("the tier id must be derived from its category and urgency");
        }
        if (tierId != null && command.expectedVersion() != null) {
            long actual = version();
            if (command.expectedVersion() != actual) {
                throw new ConflictingAggregateVersionException("SLA tier", command.expectedVersion(), actual);
            }
        }
        Map<String, String> problems = TierRules.problems(
                command.firstContactDays(),
                command.resolutionDays(),
                command.dispatchHours(),
                command.signForDays(),
                command.effectiveFrom(),
                command.basis(),
                command.today());
        if (!problems.isEmpty()) {
            throw new RuleViolation("invalid-sla-tier", TierRules.describe(problems));
        }
        String given = command.basis().strip();
        if (tierId != null
                && firstContactDays == command.firstContactDays()
                && resolutionDays == command.resolutionDays()
                && Objects.equals(dispatchHours, command.dispatchHours())
                && Objects.equals(signForDays, command.signForDays())
                && command.effectiveFrom().equals(effectiveFrom)
                && given.equals(basis)) {
            return version(); // the same setting again (a repeated form): nothing new
        }
        apply(new SlaTierSetEvent(
                command.tierId(),
                command.category(),
                command.urgency(),
                command.firstContactDays(),
                command.resolutionDays(),
                command.dispatchHours(),
                command.signForDays(),
                command.effectiveFrom(),
                given,
                Objects.requireNonNull(command.setBy()),
                command.setAt()));
        return version();
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }

    @EventSourcingHandler
    void on(SlaTierSetEvent event) {
        tierId = event.tierId();
        firstContactDays = event.firstContactDays();
        resolutionDays = event.resolutionDays();
        dispatchHours = event.dispatchHours();
        signForDays = event.signForDays();
        effectiveFrom = event.effectiveFrom();
        basis = event.basis();
    }
}
