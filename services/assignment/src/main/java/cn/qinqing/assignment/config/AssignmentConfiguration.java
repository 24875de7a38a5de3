package cn.qinqing.assignment.config;

import cn.qinqing.assignment.calendar.LoadedWorkingCalendar;
import cn.qinqing.assignment.calendar.SlaTierClocks;
import cn.qinqing.assignment.directory.query.Directory;
import cn.qinqing.assignment.directory.query.EnterpriseView;
import cn.qinqing.assignment.directory.query.Enterprises;
import cn.qinqing.assignment.directory.query.LeaderView;
import cn.qinqing.assignment.dispatch.command.LeaderChain;
import cn.qinqing.assignment.dispatch.command.SignForDeadlines;
import cn.qinqing.assignment.dispatch.command.TimeLimits;
import cn.qinqing.language.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's wiring: time limits, the chain of command the Assignment aggregate asks, and its reactions. */
@Configuration
@EnableConfigurationProperties(AssignmentProperties.class)
class AssignmentConfiguration {

    /** Processing groups of the reactions (see the reaction package). */
    static final String ROUTING = "assignment-routing";

    static final String REACTIONS = "assignment-reactions";

    /**
     * Sign-for is due after that many working days of working time on the Chinese calendar in force, and warned when
     * the warning lead (at most half of it) is the working time left.
     */
    @Bean
    SignForDeadlines signForDeadlines(AssignmentProperties properties, LoadedWorkingCalendar calendar) {
        int days = properties.signForWorkingDays();
        Duration warning = properties.warningBefore();
        return new SignForDeadlines() {
            @Override
            public Instant dueAfter(Instant dispatchedAt) {
                return calendar.current().addWorkingDays(dispatchedAt, days);
            }

            @Override
            public Instant dueAfter(Instant dispatchedAt, int workingDays) {
                return calendar.current().addWorkingDays(dispatchedAt, workingDays);
            }

            @Override
            public Instant warningAt(Instant dispatchedAt, Instant dueAt) {
                WorkingCalendar working = calendar.current();
                Duration total = working.workingTimeBetween(dispatchedAt, dueAt);
                Duration lead = warning.compareTo(total.dividedBy(2)) < 0 ? warning : total.dividedBy(2);
                return working.addWorkingTime(dispatchedAt, total.minus(lead));
            }
        };
    }

    /** The configured limits, and an SLA tier's where one was in force when the appeal was filed (ADR 0016). */
    @Bean
    TimeLimits timeLimits(AssignmentProperties properties, SignForDeadlines signForDeadlines, SlaTierClocks tiers) {
        return new TimeLimits(
                properties.dispatchLimits(),
                signForDeadlines,
                properties.warningBefore(),
                (category, urgency, filedAt) -> tiers.inForce(category.name(), urgency.name(), filedAt)
                        .map(clocks -> new TimeLimits.TierClocks.Clocks(clocks.dispatchHours(), clocks.signForDays())));
    }

    @Bean
    LeaderChain leaderChain(Directory directory, Enterprises enterprises) {
        return new LeaderChain() {
            @Override
            public boolean isLeader(String leaderId) {
                return directory.hasLeader(leaderId);
            }

            @Override
            public Optional<String> superiorOf(String leaderId) {
                return directory.leader(leaderId).map(LeaderView::superiorLeaderId);
            }

            @Override
            public Optional<String> headOf(String departmentId) {
                return directory.headOf(departmentId).map(LeaderView::leaderId);
            }

            @Override
            public Optional<String> liaisonOf(String enterpriseId) {
                return enterprises.find(enterpriseId).map(EnterpriseView::liaisonLeaderId);
            }

            @Override
            public Optional<String> top() {
                return directory.top().map(LeaderView::leaderId);
            }
        };
    }

    /**
     * The routing reaction sees each enterprise's events in stream order, so that an enterprise's registration is
     * always handled before its first appeal and a withdrawal after its filing. Reactions never skip a failed event
     * (Axon's default logs and moves on, which would leave an appeal unrouted).
     */
    @Bean
    ConfigurerModule assignmentReactions() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSequencingPolicy(ROUTING, config -> new PerEnterpriseSequencingPolicy())
                .registerListenerInvocationErrorHandler(ROUTING, config -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(REACTIONS, config -> PropagatingErrorHandler.instance()));
    }
}
