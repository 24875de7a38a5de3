package cn.qinqing.oversight.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AssignmentOpenedEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import cn.qinqing.oversight.history.AppealEvent;
import cn.qinqing.oversight.history.Events;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The clocks of one appeal recomputed under a proposal, in November 2025 (no holiday): a NORMAL PERMITS case opened
 * Monday 3rd 09:00 with 5 working days, due Friday 7th 17:30.
 */
class ReschedulingTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();

    static Proposal normalIn(int days) {
        return new Proposal(
                new Proposal.Sla(null, null, List.of(new Proposal.Tier(null, Urgency.NORMAL, days))), List.of());
    }

    static Events opened() {
        return new Events()
                .filed("2025-11-02 10:00")
                .dispatched("2025-11-02 11:00", "dept", Events.at("2025-11-03 11:00"))
                .signedFor("2025-11-02 15:00", "dept", true)
                .caseOpened(
                        "2025-11-03 09:00", "dept", 1, Events.at("2025-11-07 17:30"), Events.at("2025-11-03 17:30"));
    }

    @Test
    void anEmptyProposalGivesBackEveryEventAsItWas() {
        List<AppealEvent> events = opened().casePaused("2025-11-04 09:00")
                .caseResumed("2025-11-06 09:00", Events.at("2025-11-11 17:30"))
                .add(new ExtensionGrantedEvent(
                        null,
                        UUID.randomUUID(),
                        "leader",
                        Events.at("2025-11-12 17:30"),
                        Events.at("2025-11-06 10:00")))
                .resolutionSubmitted("2025-11-12 10:00", "dept", 1, true)
                .list();

        assertThat(new Rescheduling(Proposal.none(), CALENDAR).apply(events)).isEqualTo(events);
    }

    @Test
    void aShorterTierMovesTheDueDateAndTurnsADayFourAnswerLate() {
        List<AppealEvent> events = opened().resolutionSubmitted("2025-11-06 15:00", "dept", 1, true)
                .list();

        List<AppealEvent> rescheduled = new Rescheduling(normalIn(3), CALENDAR).apply(events);

        ResolutionSubmittedEvent answer =
                (ResolutionSubmittedEvent) rescheduled.get(4).event();
        assertThat(answer.onTime()).isFalse();
        assertThat(answer.submittedAt()).isEqualTo(Events.at("2025-11-06 15:00"));
        // the sign-for had no proposed limit: as it was, verdict included
        assertThat(((AppealSignedForEvent) rescheduled.get(2).event()).withinLimit())
                .isTrue();
        assertThat(rescheduled.get(2)).isSameAs(events.get(2));
    }

    @Test
    void aTierForAnotherCategoryLeavesTheCaseAlone() {
        Proposal powerOnly = new Proposal(
                new Proposal.Sla(null, null, List.of(new Proposal.Tier(AppealCategory.POWER, Urgency.NORMAL, 3))),
                List.of());
        List<AppealEvent> events = opened().resolutionSubmitted("2025-11-06 15:00", "dept", 1, true)
                .list();

        assertThat(new Rescheduling(powerOnly, CALENDAR).apply(events)).isEqualTo(events);
    }

    @Test
    void aPauseMovesTheProposedDueDateByWhatWasLeftAsTheResolutionServiceDoes() {
        // as it was: 4 working days left at the pause (Tue 09:00 → Fri 17:30), from Thursday 09:00: Tuesday 11th 17:30
        List<AppealEvent> events = opened().casePaused("2025-11-04 09:00")
                .caseResumed("2025-11-06 09:00", Events.at("2025-11-11 17:30"))
                .resolutionSubmitted("2025-11-10 10:00", "dept", 1, true)
                .list();

        List<AppealEvent> rescheduled = new Rescheduling(normalIn(3), CALENDAR).apply(events);

        // under 3 days: due Wednesday 5th 17:30, 2 days left at the pause, from Thursday 09:00: Friday 7th 17:30
        CaseFileResumedEvent resumed = (CaseFileResumedEvent) rescheduled.get(5).event();
        assertThat(resumed.resolutionDueAt()).isEqualTo(Events.at("2025-11-07 17:30"));
        assertThat(((ResolutionSubmittedEvent) rescheduled.get(6).event()).onTime())
                .isFalse();
    }

    @Test
    void aGrantedExtensionKeepsItsLengthInWorkingTime() {
        // one working day more: Friday 7th 17:30 → Monday 10th 17:30
        List<AppealEvent> events = opened().add(new ExtensionGrantedEvent(
                        null,
                        UUID.randomUUID(),
                        "leader",
                        Events.at("2025-11-10 17:30"),
                        Events.at("2025-11-05 10:00")))
                .resolutionSubmitted("2025-11-06 15:00", "dept", 1, true)
                .list();

        List<AppealEvent> rescheduled = new Rescheduling(normalIn(3), CALENDAR).apply(events);

        // under 3 days: Wednesday 5th 17:30 and one day more: Thursday 6th 17:30, so the answer at 15:00 is on time
        ExtensionGrantedEvent granted =
                (ExtensionGrantedEvent) rescheduled.get(4).event();
        assertThat(granted.newResolutionDueAt()).isEqualTo(Events.at("2025-11-06 17:30"));
        assertThat(((ResolutionSubmittedEvent) rescheduled.get(5).event()).onTime())
                .isTrue();
    }

    @Test
    void anAutomaticRouteGoesWhereTheProposedCatalogueSendsItAndTheWorkGoesWithIt() {
        Proposal catalogue = new Proposal(
                null,
                List.of(),
                List.of(
                        new Proposal.Route(AppealCategory.PERMITS, null, null, "permits-office"),
                        new Proposal.Route(AppealCategory.PERMITS, null, "青山区", "qingshan-permits"),
                        new Proposal.Route(null, null, null, "city-office")));
        List<AppealEvent> events = new Events()
                .filed("2025-11-02 10:00")
                .add(new AssignmentOpenedEvent(
                        null, "e", AppealCategory.PERMITS, Urgency.NORMAL, null, "青山区", Events.at("2025-11-02 10:00")))
                .add(new AppealDispatchedEvent(
                        null,
                        "dept",
                        RoutingMode.AUTOMATIC,
                        UUID.randomUUID().toString(),
                        null,
                        Urgency.NORMAL,
                        Events.at("2025-11-02 10:01"),
                        Events.at("2025-11-03 17:30")))
                .signedFor("2025-11-03 09:30", "dept", true)
                .caseOpened("2025-11-03 09:30", "dept", 1, Events.at("2025-11-10 09:30"), Events.at("2025-11-04 09:30"))
                .resolutionSubmitted("2025-11-06 15:00", "dept", 1, true)
                .list();

        List<AppealEvent> rescheduled = new Rescheduling(catalogue, CALENDAR).apply(events);

        // the rule with a district is the more specific one; the times and verdicts stay
        assertThat(((AppealDispatchedEvent) rescheduled.get(2).event()).departmentId())
                .isEqualTo("qingshan-permits");
        assertThat(((AppealSignedForEvent) rescheduled.get(3).event()).departmentId())
                .isEqualTo("qingshan-permits");
        ResolutionSubmittedEvent answer =
                (ResolutionSubmittedEvent) rescheduled.get(5).event();
        assertThat(answer.departmentId()).isEqualTo("qingshan-permits");
        assertThat(answer.onTime()).isTrue();
        assertThat(answer.submittedAt()).isEqualTo(Events.at("2025-11-06 15:00"));
    }

    @Test
    void aDispatchersChoiceStaysWhateverTheCatalogue() {
        Proposal catalogue =
                new Proposal(null, List.of(), List.of(new Proposal.Route(null, null, null, "city-office")));
        List<AppealEvent> events = opened().resolutionSubmitted("2025-11-06 15:00", "dept", 1, true)
                .list();

        assertThat(new Rescheduling(catalogue, CALENDAR).apply(events)).isEqualTo(events);
    }
}
