package cn.qinqing.projects.project.web;

import cn.qinqing.projects.project.query.ProjectView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.MediaType;

/**
 * The project list as CSV (RFC 4180, UTF-8): one line per project. A cell that a spreadsheet would take for a formula
 * is prefixed with an apostrophe.
 */
final class ProjectsCsv {

    static final MediaType TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private ProjectsCsv() {}

    static String write(List<ProjectView> projects) {
        StringBuilder csv = new StringBuilder(line(Stream.of(
                "projectId",
                "name",
                "enterpriseIds",
                "chainLink",
                "investmentCny",
                "capacity",
                "capacityUnit",
                "site",
                "leaderId",
                "departmentId",
                "signedOn",
                "status",
                "next",
                "nextPlannedOn",
                "overdue",
                "openBlockers")));
        for (ProjectView p : projects) {
            csv.append(line(Stream.of(
                    p.projectId(),
                    p.name(),
                    String.join(" ", p.enterpriseIds()),
                    p.chainLink(),
                    p.investmentCny().toPlainString(),
                    p.capacityAmount().toPlainString(),
                    p.capacityUnit(),
                    p.site(),
                    p.leaderId(),
                    p.departmentId(),
                    p.signedOn(),
                    p.status(),
                    p.next(),
                    p.nextPlannedOn(),
                    p.overdue(),
                    p.openBlockers())));
        }
        return csv.toString();
    }

    private static String line(Stream<?> cells) {
        return cells.map(ProjectsCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
