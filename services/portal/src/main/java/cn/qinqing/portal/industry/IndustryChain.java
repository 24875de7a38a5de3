package cn.qinqing.portal.industry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The industrial chain as the projects API answers it ({@code GET /api/projects/chain}): its links upstream first, and
 * under each its enterprises (chain masters marked) with their open appeals, its key projects with their open
 * blockers, and the open needs and offers.
 */
public record IndustryChain(LocalDate asOf, List<Link> links, boolean marketAnswered) {

    public record Link(
            String link, List<Enterprise> enterprises, List<Project> projects, List<Post> needs, List<Post> offers) {

        public boolean isEmpty() {
            return enterprises.isEmpty() && projects.isEmpty() && needs.isEmpty() && offers.isEmpty();
        }
    }

    public record Enterprise(
            String enterpriseId, String name, String district, boolean chainMaster, List<Appeal> openAppeals) {}

    public record Appeal(UUID appealId, String title, Instant filedAt, boolean blocker) {}

    public record Project(
            UUID projectId,
            String name,
            List<String> enterpriseIds,
            String status,
            boolean overdue,
            String next,
            LocalDate nextPlannedOn,
            List<Blocker> openBlockers) {}

    public record Blocker(UUID blockerId, UUID appealId, String title) {}

    public record Post(String postId, String kind, String enterpriseId, String enterpriseName, String product) {}
}
