package cn.qinqing.projects.chain;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.project.Milestone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The industrial chain as of a day: its links upstream first, and under each the enterprises there (chain masters
 * marked) with their open appeals, the key projects adding capacity to it with their status and open blockers, and
 * the needs and offers open on the market.
 *
 * @param marketAnswered whether the market feature answered; when not, needs and offers are empty for that reason
 */
public record ChainView(LocalDate asOf, List<Link> links, boolean marketAnswered) {

    public record Link(
            ChainLink link,
            List<Enterprise> enterprises,
            List<Project> projects,
            List<Post> needs,
            List<Post> offers) {}

    /** @param chainMaster whether the city counts it as a key enterprise, a chain master (链主) of its link */
    public record Enterprise(
            String enterpriseId, String name, String district, boolean chainMaster, List<Appeal> openAppeals) {}

    /** @param blocker whether the appeal is a key project's blocker */
    public record Appeal(UUID appealId, String title, Instant filedAt, boolean blocker) {}

    public record Project(
            UUID projectId,
            String name,
            List<String> enterpriseIds,
            Milestone status,
            boolean overdue,
            Milestone next,
            LocalDate nextPlannedOn,
            List<Blocker> openBlockers) {}

    public record Blocker(UUID blockerId, UUID appealId, String title) {}

    public record Post(String postId, String kind, String enterpriseId, String enterpriseName, String product) {}
}
