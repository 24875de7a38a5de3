package cn.qinqing.oversight;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealDocumentsAttachedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealRatedEvent;
import cn.qinqing.language.appeal.AppealRatingExpiredEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.MeetingReference;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealEscalatedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.AssignmentOpenedEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.language.assignment.SupervisionNoticeIssuedEvent;
import cn.qinqing.language.calendar.Holiday;
import cn.qinqing.language.calendar.WorkingCalendarLoadedEvent;
import cn.qinqing.language.directory.DepartmentChangedEvent;
import cn.qinqing.language.directory.DepartmentRegisteredEvent;
import cn.qinqing.language.directory.EnterpriseLiaisonChangedEvent;
import cn.qinqing.language.directory.LeaderChangedEvent;
import cn.qinqing.language.directory.LeaderRank;
import cn.qinqing.language.directory.LeaderRegisteredEvent;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.CaseFileDocumentsAttachedEvent;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFilePausedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;

/**
 * Events as the other services publish them, appended to the shared event store, each recorded at the time it says
 * it happened unless told otherwise ({@link AppealEvents#recordedAt}). Names get a suffix no other test uses, so that
 * tests sharing the database do not see each other's departments.
 */
public final class Scenario {

    private final EventStore store;
    private final String suffix;
    private final Map<String, Long> sequences = new HashMap<>();

    Scenario(EventStore store, String suffix) {
        this.store = store;
        this.suffix = suffix;
    }

    /** A name unique to this scenario, e.g. {@code dept-a-1b2c3d4e}. */
    public String id(String name) {
        return name + "-" + suffix;
    }

    /** An enterprise id (18 characters, like a USCC) unique to this scenario; {@code n} tells several apart. */
    public String uscc(int n) {
        return "9115020" + n + suffix.toUpperCase() + "0T";
    }

    /** Beijing time, as people say it: {@code at("2025-10-09 10:00")}. */
    public static Instant at(String localTime) {
        return OffsetDateTime.parse(localTime.replace(' ', 'T') + ":00+08:00").toInstant();
    }

    void publish(String type, String aggregate, Object payload, Instant recordedAt, String actor, String role) {
        long sequence = sequences.merge(type + ":" + aggregate, 1L, Long::sum) - 1;
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR, actor);
        metadata.put(MetadataKeys.ROLE, role);
        metadata.put(MetadataKeys.CORRELATION, "corr-" + aggregate);
        store.publish(new GenericDomainEventMessage<>(
                type, aggregate, sequence, new GenericMessage<>(payload, metadata), recordedAt));
    }

    // ---- directory

    public Scenario department(String departmentId, String name) {
        publish(
                "Department",
                Ids.derive("department", departmentId, suffix).toString(),
                new DepartmentRegisteredEvent(departmentId, name, "city", at("2025-01-01 09:00")),
                at("2025-01-01 09:00"),
                "admin",
                "ADMIN");
        return this;
    }

    /** A department under another, registered at the instant. */
    public Scenario department(String departmentId, String name, String parent, Instant at) {
        publish(
                "Department",
                Ids.derive("department", departmentId, suffix).toString(),
                new DepartmentRegisteredEvent(departmentId, name, parent, at),
                at,
                "admin",
                "ADMIN");
        return this;
    }

    /** An admin renamed a department or moved it under another parent. */
    public Scenario departmentChanged(
            String departmentId, String name, String parent, String previousName, String previousParent, Instant at) {
        publish(
                "Department",
                Ids.derive("department", departmentId, suffix).toString(),
                new DepartmentChangedEvent(departmentId, name, parent, previousName, previousParent, at),
                at,
                "admin",
                "ADMIN");
        return this;
    }

    /** A leader registered at the instant. */
    public Scenario leader(String leaderId, String name, String departmentId, String superior, Instant at) {
        publish(
                "Leader",
                Ids.derive("leader", leaderId, suffix).toString(),
                new LeaderRegisteredEvent(
                        leaderId,
                        name,
                        departmentId == null ? "副市长" : "局长",
                        departmentId == null ? LeaderRank.DEPUTY_MAYOR : LeaderRank.DEPARTMENT_HEAD,
                        departmentId,
                        superior,
                        at),
                at,
                "admin",
                "ADMIN");
        return this;
    }

    /** A leader now heads another department, or answers to another superior. */
    public Scenario leaderChanged(
            String leaderId, String name, String departmentId, String superior, String previousSuperior, Instant at) {
        publish(
                "Leader",
                Ids.derive("leader", leaderId, suffix).toString(),
                new LeaderChangedEvent(
                        leaderId, name, "局长", LeaderRank.DEPARTMENT_HEAD, departmentId, superior, previousSuperior, at),
                at,
                "admin",
                "ADMIN");
        return this;
    }

    public Scenario leader(String leaderId, String name, String departmentId, String superior) {
        publish(
                "Leader",
                Ids.derive("leader", leaderId, suffix).toString(),
                new LeaderRegisteredEvent(
                        leaderId,
                        name,
                        departmentId == null ? "副市长" : "局长",
                        departmentId == null ? LeaderRank.DEPUTY_MAYOR : LeaderRank.DEPARTMENT_HEAD,
                        departmentId,
                        superior,
                        at("2025-01-01 09:00")),
                at("2025-01-01 09:00"),
                "admin",
                "ADMIN");
        return this;
    }

    public Scenario enterprise(String uscc, String name, String district) {
        publish(
                "Enterprise",
                Ids.derive("enterprise", uscc, suffix).toString(),
                new EnterpriseRegisteredEvent(
                        uscc,
                        name,
                        IndustryChainPosition.WAFER,
                        district,
                        new Contact("王经理", "0472-5550101", "a@example.cn"),
                        at("2025-01-02 09:00")),
                at("2025-01-02 09:00"),
                "enterprise",
                "ENTERPRISE");
        return this;
    }

    public Scenario liaison(String uscc, String leaderId, boolean key, Instant at) {
        publish(
                "EnterpriseLiaison",
                Ids.derive("liaison", uscc, suffix).toString(),
                new EnterpriseLiaisonChangedEvent(uscc, leaderId, key, null, at),
                at,
                "admin",
                "ADMIN");
        return this;
    }

    /** An admin loaded a year of the working calendar. */
    public Scenario calendarLoaded(int year, List<Holiday> holidays, List<LocalDate> makeUpWorkingDays) {
        return calendarLoaded(
                year, "国务院办公厅关于" + year + "年部分节假日安排的通知", holidays, makeUpWorkingDays, at("2025-01-03 09:00"));
    }

    /** An admin loaded a version of a year of the working calendar at the instant. */
    public Scenario calendarLoaded(
            int year, String source, List<Holiday> holidays, List<LocalDate> makeUpWorkingDays, Instant at) {
        publish(
                "WorkingCalendar",
                Ids.derive("calendar", Integer.toString(year), suffix).toString(),
                new WorkingCalendarLoadedEvent(year, false, source, holidays, makeUpWorkingDays, "admin", at),
                at,
                "admin",
                "ADMIN");
        return this;
    }

    public AppealEvents appeal(String enterprise, String title) {
        return new AppealEvents(UUID.randomUUID(), enterprise, title);
    }

    /** The appeal of a known id: the one a meeting's action item became ({@link #actionItemRaised}). */
    public AppealEvents appeal(UUID id, String enterprise, String title) {
        return new AppealEvents(id, enterprise, title);
    }

    /** The events of one appeal, from every service that publishes about it. */
    public final class AppealEvents {

        public final UUID id;
        private final String enterprise;
        private final String title;
        private Instant recordedAt;

        AppealEvents(UUID id, String enterprise, String title) {
            this.id = id;
            this.enterprise = enterprise;
            this.title = title;
        }

        /** The next event is recorded at this instant instead of when it happened (a late event). */
        public AppealEvents recordedAt(Instant instant) {
            this.recordedAt = instant;
            return this;
        }

        private void appeals(Object event, Instant at, String actor, String role) {
            emit("Appeal", id.toString(), event, at, actor, role);
        }

        private void assignment(Object event, Instant at, String actor, String role) {
            emit("Assignment", Ids.derive("assignment", id.toString()).toString(), event, at, actor, role);
        }

        private void caseFile(Object event, Instant at, String actor, String role) {
            emit("CaseFile", Ids.derive("case-file", id.toString()).toString(), event, at, actor, role);
        }

        private void emit(String type, String aggregate, Object event, Instant at, String actor, String role) {
            Instant recorded = recordedAt != null ? recordedAt : at;
            recordedAt = null;
            publish(type, aggregate, event, recorded, actor, role);
        }

        public AppealEvents filed(Instant at) {
            return filed(at, AppealCategory.POWER, null);
        }

        public AppealEvents filed(Instant at, AppealCategory category, MeetingReference meeting) {
            appeals(
                    new AppealFiledEvent(
                            id,
                            enterprise,
                            title,
                            "新建切片车间需要增容，请协调。",
                            category,
                            Urgency.URGENT,
                            List.of(),
                            meeting == null ? AppealSource.ONLINE : AppealSource.BREAKFAST_MEETING,
                            meeting,
                            false,
                            at),
                    at,
                    "user-" + enterprise,
                    "ENTERPRISE");
            return this;
        }

        /** The enterprise uploaded documents with its filing (names only matter here). */
        public AppealEvents documentsAttached(Instant at, String... names) {
            List<DocumentRef> documents = java.util.Arrays.stream(names)
                    .map(name -> new DocumentRef(UUID.randomUUID(), name, "application/pdf", 1024, "0".repeat(64)))
                    .toList();
            appeals(
                    new AppealDocumentsAttachedEvent(
                            id, enterprise, AppealDocumentsAttachedEvent.AttachedWith.FILING, documents, at),
                    at,
                    "user-" + enterprise,
                    "ENTERPRISE");
            return this;
        }

        public AppealEvents routed(Instant at, String district) {
            assignment(
                    new AssignmentOpenedEvent(
                            id,
                            enterprise,
                            AppealCategory.POWER,
                            Urgency.URGENT,
                            IndustryChainPosition.WAFER,
                            district,
                            at),
                    at,
                    "system:assignment",
                    "SYSTEM");
            return this;
        }

        public AppealEvents dispatched(String department, Instant at, Instant signForDue) {
            assignment(
                    new AppealDispatchedEvent(
                            id, department, RoutingMode.AUTOMATIC, "rule-1", null, Urgency.URGENT, at, signForDue),
                    at,
                    "system:assignment",
                    "SYSTEM");
            return this;
        }

        public AppealEvents signedFor(String department, Instant at, boolean withinLimit) {
            assignment(
                    new AppealSignedForEvent(id, department, "official-of-" + department, at, withinLimit),
                    at,
                    "official-of-" + department,
                    "OFFICIAL");
            return this;
        }

        public AppealEvents transferred(String from, String to, Instant at, Instant signForDue) {
            assignment(
                    new AppealTransferredEvent(id, from, to, "official-of-" + from, "不属于本部门职责", at, signForDue),
                    at,
                    "official-of-" + from,
                    "OFFICIAL");
            return this;
        }

        public AppealEvents tookCharge(String leader, Instant at) {
            assignment(new LeaderTookChargeEvent(id, leader, at), at, leader, "LEADER");
            return this;
        }

        public AppealEvents escalated(String from, String to, Instant at) {
            assignment(new AppealEscalatedEvent(id, from, to, "RESOLUTION", at), at, "system:assignment", "SYSTEM");
            return this;
        }

        public AppealEvents noticeIssued(String leader, String department, Instant at, Instant due) {
            assignment(
                    new SupervisionNoticeIssuedEvent(id, UUID.randomUUID(), leader, department, "请加快办理", due, at),
                    at,
                    leader,
                    "LEADER");
            return this;
        }

        public AppealEvents caseOpened(String department, int round, Instant at, Instant firstContactDue, Instant due) {
            caseFile(
                    new CaseFileOpenedEvent(id, department, Urgency.URGENT, round, at, firstContactDue, due, false),
                    at,
                    "official-of-" + department,
                    "OFFICIAL");
            return this;
        }

        public AppealEvents contacted(Instant at) {
            caseFile(
                    new ProgressNotedEvent(id, UUID.randomUUID(), "official", "已电话联系企业", true, true, at),
                    at,
                    "official",
                    "OFFICIAL");
            return this;
        }

        /** A progress note the department keeps to itself (issue 22: never on the enterprise's page). */
        public AppealEvents internalNote(String department, String text, Instant at) {
            caseFile(
                    new ProgressNotedEvent(id, UUID.randomUUID(), "official-of-" + department, text, false, false, at),
                    at,
                    "official-of-" + department,
                    "OFFICIAL");
            return this;
        }

        /** An official's files, with a note or the answer; the enterprise sees them only if {@code visible}. */
        public AppealEvents caseFileDocuments(String department, boolean visible, Instant at, String... names) {
            List<DocumentRef> documents = java.util.Arrays.stream(names)
                    .map(name -> new DocumentRef(UUID.randomUUID(), name, "application/pdf", 2048, "1".repeat(64)))
                    .toList();
            caseFile(
                    new CaseFileDocumentsAttachedEvent(
                            id,
                            department,
                            "official-of-" + department,
                            CaseFileDocumentsAttachedEvent.AttachedTo.NOTE,
                            UUID.randomUUID(),
                            visible,
                            documents,
                            at),
                    at,
                    "official-of-" + department,
                    "OFFICIAL");
            return this;
        }

        public AppealEvents paused(Instant at) {
            caseFile(new CaseFilePausedEvent(id, "official", "等待企业补充材料", at), at, "official", "OFFICIAL");
            return this;
        }

        public AppealEvents resumed(Instant at, Instant firstContactDue, Instant due) {
            caseFile(new CaseFileResumedEvent(id, at, firstContactDue, due), at, "system:resolution", "SYSTEM");
            return this;
        }

        public AppealEvents extended(String leader, Instant at, Instant newDue) {
            caseFile(new ExtensionGrantedEvent(id, UUID.randomUUID(), leader, newDue, at), at, leader, "LEADER");
            return this;
        }

        public AppealEvents submitted(String department, int round, Instant at, boolean onTime) {
            caseFile(
                    new ResolutionSubmittedEvent(
                            id, department, "official", round, "已协调解决", Outcome.SOLVED, null, "政策依据", at, onTime),
                    at,
                    "official-of-" + department,
                    "OFFICIAL");
            return this;
        }

        public AppealEvents answered(String department, int round, Instant at) {
            appeals(
                    new AppealAnsweredEvent(
                            id,
                            enterprise,
                            department,
                            round,
                            "已协调解决",
                            Outcome.SOLVED,
                            null,
                            "政策依据",
                            at,
                            at.plusSeconds(7 * 86400)),
                    at,
                    "system:appeals",
                    "SYSTEM");
            return this;
        }

        public AppealEvents rated(int round, int rating, Instant at) {
            appeals(
                    new AppealRatedEvent(id, enterprise, round, rating, "评价", at),
                    at,
                    "user-" + enterprise,
                    "ENTERPRISE");
            return this;
        }

        public AppealEvents ratingExpired(int round, Instant at) {
            appeals(new AppealRatingExpiredEvent(id, enterprise, round, at), at, "system:appeals", "SYSTEM");
            return this;
        }

        public AppealEvents reopened(int newRound, Instant at) {
            appeals(
                    new AppealReopenedEvent(id, enterprise, newRound, "问题没有解决", at),
                    at,
                    "user-" + enterprise,
                    "ENTERPRISE");
            return this;
        }

        public AppealEvents caseReopened(int round, Instant at, Instant firstContactDue, Instant due) {
            caseFile(new CaseFileReopenedEvent(id, round, at, firstContactDue, due), at, "system:resolution", "SYSTEM");
            return this;
        }

        public AppealEvents caseClosed(String department, Instant at) {
            caseFile(new CaseFileClosedEvent(id, department, "RATED", at), at, "head-of-" + department, "LEADER");
            return this;
        }

        public AppealEvents closed(Instant at) {
            appeals(new AppealClosedEvent(id, enterprise, at), at, "system:appeals", "SYSTEM");
            return this;
        }
    }

    // ---- meetings

    /** A breakfast meeting's action item; returns the id of the appeal it becomes. */
    public UUID actionItemRaised(
            UUID meetingId,
            UUID actionItemId,
            String enterprise,
            String department,
            String leader,
            LocalDate dueOn,
            Instant at) {
        UUID appealId = Ids.derive("meeting-action-item", actionItemId.toString());
        publish(
                "BreakfastMeeting",
                meetingId.toString(),
                new ActionItemRaisedEvent(
                        meetingId,
                        actionItemId,
                        appealId,
                        1,
                        1,
                        enterprise,
                        department,
                        leader,
                        dueOn,
                        "协调切片车间增容",
                        "牵头协调供电公司",
                        AppealCategory.POWER,
                        Urgency.URGENT,
                        at),
                at,
                leader,
                "LEADER");
        return appealId;
    }

    /** Any other event of a breakfast meeting (scheduling, invitations, topics, agenda, minutes), as meetings publishes it. */
    public Scenario meeting(UUID meetingId, Object event, Instant at, String actor, String role) {
        publish("BreakfastMeeting", meetingId.toString(), event, at, actor, role);
        return this;
    }

    public void actionItemClosed(UUID meetingId, UUID actionItemId, String cause, Instant at) {
        publish(
                "BreakfastMeeting",
                meetingId.toString(),
                new ActionItemClosedEvent(meetingId, actionItemId, cause, at),
                at,
                "system:meetings",
                "SYSTEM");
    }
}
