package cn.qinqing.portal.leader.liaison;

import cn.qinqing.portal.oversight.Oversight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A liaison leader's (包联领导) enterprises as the oversight API answers them
 * ({@code GET /api/oversight/liaison/appeals}): every appeal of those enterprises and the breakfast meetings they were
 * invited to.
 */
public record Liaison(
        String leaderId,
        String leaderName,
        Instant asOf,
        List<String> enterprises,
        List<Appeal> appeals,
        List<Meeting> meetings,
        Oversight.Freshness freshness) {

    private static final Set<String> FINISHED = Set.of("CLOSED", "WITHDRAWN");

    public record Appeal(
            UUID appealId,
            String enterpriseId,
            String enterpriseName,
            boolean keyEnterprise,
            String title,
            String category,
            String status,
            Oversight.HolderView holder,
            Instant filedAt,
            Instant resolutionDue,
            List<String> overdue) {

        public boolean open() {
            return status == null || !FINISHED.contains(status);
        }
    }

    public record Meeting(
            UUID meetingId,
            String theme,
            Instant startsAt,
            String enterpriseId,
            String invitation,
            boolean attended,
            long actionItems) {}

    /** One enterprise on the page: its name, whether it is a key enterprise, its open appeals and its meetings. */
    public record Enterprise(
            String id,
            String name,
            boolean keyEnterprise,
            List<Appeal> openAppeals,
            int closedAppeals,
            List<Meeting> meetings) {}

    /** The enterprises in the order the API lists them, each with what concerns it. */
    public List<Enterprise> byEnterprise() {
        Map<String, List<Appeal>> appealsOf = new LinkedHashMap<>();
        appeals.forEach(appeal -> appealsOf
                .computeIfAbsent(appeal.enterpriseId(), id -> new ArrayList<>())
                .add(appeal));
        List<Enterprise> result = new ArrayList<>();
        for (String id : enterprises) {
            List<Appeal> own = appealsOf.getOrDefault(id, List.of());
            String name = own.stream()
                    .map(Appeal::enterpriseName)
                    .filter(n -> n != null && !n.isBlank())
                    .findFirst()
                    .orElse(id);
            boolean key = own.stream().anyMatch(Appeal::keyEnterprise);
            List<Appeal> open = own.stream().filter(Appeal::open).toList();
            List<Meeting> attended = meetings == null
                    ? List.of()
                    : meetings.stream()
                            .filter(meeting -> id.equals(meeting.enterpriseId()))
                            .toList();
            result.add(new Enterprise(id, name, key, open, own.size() - open.size(), attended));
        }
        return result;
    }
}
