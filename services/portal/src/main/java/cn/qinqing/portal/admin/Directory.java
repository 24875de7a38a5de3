package cn.qinqing.portal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the admin pages read from the assignment service's directory and the resolution service's calendar. */
public final class Directory {

    private Directory() {}

    /** The directory at an instant: each entry as its last change before then left it. */
    public record AsOf(
            Instant asOf,
            List<Department> departments,
            List<Leader> leaders,
            List<Official> officials,
            List<Liaison> liaisons) {}

    /** A department as it stood then, with the leader who headed it then. */
    public record Department(
            String departmentId,
            String name,
            String parentDepartmentId,
            String headLeaderId,
            String headName,
            Instant since,
            String changedBy) {}

    public record Leader(
            String leaderId,
            String name,
            String title,
            String rank,
            String departmentId,
            String superiorLeaderId,
            Instant since,
            String changedBy) {}

    public record Official(String officialId, String name, String departmentId, Instant since, String changedBy) {}

    /** A department as it is now, at the version a change names. */
    public record DepartmentEntry(String departmentId, String name, String parentDepartmentId, long version) {}

    public record LeaderEntry(
            String leaderId,
            String name,
            String title,
            String rank,
            String departmentId,
            String superiorLeaderId,
            long version) {}

    public record OfficialEntry(String officialId, String name, String departmentId, long version) {}

    public record Liaison(String enterpriseId, String liaisonLeaderId, boolean keyEnterprise, Instant since) {}

    /** An enterprise the city knows, with its liaison leader (包联领导); liaisonVersion null when never set. */
    public record Enterprise(
            String enterpriseId,
            String name,
            String district,
            String liaisonLeaderId,
            boolean keyEnterprise,
            Long liaisonVersion) {}

    /** One change of the directory: who changed what, when; details is the event with the new state. */
    public record Change(
            Instant occurredAt,
            String actor,
            String role,
            String kind,
            String subjectType,
            String subjectId,
            JsonNode details) {}

    /** One version of a routing rule and when it was in force; category null for the default rule. */
    public record Rule(
            UUID ruleId,
            long version,
            String category,
            String chainPosition,
            String district,
            String departmentId,
            Instant validFrom,
            Instant validTo,
            String changedBy) {}

    /** A rule with every version it had. */
    public record RuleHistory(UUID ruleId, boolean inForce, Rule current, List<Rule> history) {}

    public record Holiday(String name, String from, String to) {}

    /** @param origin BUNDLED, LOADED (by an admin) or NONE (weekends only) */
    public record CalendarYear(
            int year,
            boolean provisional,
            String source,
            String origin,
            List<Holiday> holidays,
            List<String> makeUpWorkingDays) {}
}
