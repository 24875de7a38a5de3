package cn.qinqing.portal.meeting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.multipart.MultipartFile;

/**
 * The minutes editor (纪要): who attended, and per agenda item a summary and the decisions taken, one per line. A
 * correction of published minutes is the same form with its reason. Items left empty are not recorded.
 */
public class MinutesForm {

    private static final Pattern API_ITEM = Pattern.compile("items\\[(\\d+)]\\.(\\w+).*");

    private long version;
    private String reason = "";
    private List<String> enterpriseIds = new ArrayList<>();
    private String departments = "";
    private String leaders = "";
    private List<Row> items = new ArrayList<>();

    /** Files chosen in the form, sent with the draft or the correction (ADR 0009). */
    private List<MultipartFile> files = List.of();

    public List<MultipartFile> getFiles() {
        return files;
    }

    public void setFiles(List<MultipartFile> files) {
        this.files = files == null ? List.of() : files;
    }

    /** The minutes as they stand, or a first draft: one row per agenda item, attendance from the invitations. */
    static MinutesForm of(
            Meeting.Minutes minutes,
            Meeting.Agenda agenda,
            Meeting.View meeting,
            List<Meeting.Invitation> invitations,
            long version) {
        MinutesForm form = new MinutesForm();
        form.version = version;
        if (minutes != null) {
            form.enterpriseIds = new ArrayList<>(minutes.attendance().enterpriseIds());
            form.departments = String.join(", ", minutes.attendance().departmentIds());
            form.leaders = String.join(", ", minutes.attendance().leaderIds());
        } else {
            invitations.stream()
                    .filter(invitation -> "ACCEPTED".equals(invitation.status()))
                    .forEach(invitation -> form.enterpriseIds.add(invitation.enterpriseId()));
            form.departments = String.join(", ", meeting.departmentIds() == null ? List.of() : meeting.departmentIds());
            form.leaders = "";
        }
        if (agenda != null) {
            for (Meeting.AgendaItem item : agenda.items()) {
                Row row = new Row();
                row.agendaPosition = item.position();
                row.title = item.title();
                if (minutes != null) {
                    minutes.items().stream()
                            .filter(recorded -> recorded.agendaPosition() == item.position())
                            .findFirst()
                            .ifPresent(recorded -> {
                                row.summary = recorded.summary();
                                row.decisions = String.join("\n", recorded.decisions());
                            });
                }
                form.items.add(row);
            }
        }
        return form;
    }

    /** The minutes as the API takes them ({@code attendance}, {@code items}), plus the reason of a correction. */
    Map<String, Object> toRequest(boolean correction) {
        Map<String, Object> attendance = new LinkedHashMap<>();
        attendance.put("enterpriseIds", enterpriseIds == null ? List.of() : enterpriseIds);
        attendance.put("departmentIds", ids(departments));
        attendance.put("leaderIds", ids(leaders));
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (Row row : filledRows()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("agendaPosition", row.agendaPosition);
            item.put("summary", row.summary == null ? "" : row.summary.trim());
            item.put("decisions", lines(row.decisions));
            recorded.add(item);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("attendance", attendance);
        request.put("items", recorded);
        if (correction) {
            request.put("reason", reason == null ? "" : reason);
        }
        return request;
    }

    private List<Row> filledRows() {
        return items.stream().filter(row -> !row.isEmpty()).toList();
    }

    /** The form field of an API field: attendance lists are text fields here, and the API numbers filled rows only. */
    String formField(String apiField) {
        if (apiField.startsWith("attendance.enterpriseIds")) {
            return "enterpriseIds";
        }
        if (apiField.startsWith("attendance.departmentIds")) {
            return "departments";
        }
        if (apiField.startsWith("attendance.leaderIds")) {
            return "leaders";
        }
        Matcher matcher = API_ITEM.matcher(apiField);
        if (!matcher.matches()) {
            return apiField;
        }
        List<Row> filled = filledRows();
        int index = Integer.parseInt(matcher.group(1));
        if (index >= filled.size()) {
            return apiField;
        }
        return "items[" + items.indexOf(filled.get(index)) + "]." + matcher.group(2);
    }

    static List<String> ids(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[\\s,，;；、]+"))
                        .map(String::trim)
                        .filter(id -> !id.isEmpty())
                        .toList();
    }

    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<String> getEnterpriseIds() {
        return enterpriseIds;
    }

    public void setEnterpriseIds(List<String> enterpriseIds) {
        this.enterpriseIds = enterpriseIds;
    }

    public String getDepartments() {
        return departments;
    }

    public void setDepartments(String departments) {
        this.departments = departments;
    }

    public String getLeaders() {
        return leaders;
    }

    public void setLeaders(String leaders) {
        this.leaders = leaders;
    }

    public List<Row> getItems() {
        return items;
    }

    public void setItems(List<Row> items) {
        this.items = items;
    }

    /** What was said on one agenda item and what was decided. */
    public static class Row {

        private int agendaPosition;
        private String title = "";
        private String summary = "";
        private String decisions = "";

        boolean isEmpty() {
            return (summary == null || summary.isBlank()) && lines(decisions).isEmpty();
        }

        public int getAgendaPosition() {
            return agendaPosition;
        }

        public void setAgendaPosition(int agendaPosition) {
            this.agendaPosition = agendaPosition;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }

        public String getDecisions() {
            return decisions;
        }

        public void setDecisions(String decisions) {
            this.decisions = decisions;
        }
    }
}
