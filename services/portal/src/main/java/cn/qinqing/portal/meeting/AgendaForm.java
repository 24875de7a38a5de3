package cn.qinqing.portal.meeting;

import cn.qinqing.portal.web.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The agenda editor: ordered rows, each a time slot on the meeting's day (Beijing time), a title, the department that
 * answers for it and optionally the accepted topic it discusses. Empty rows are left out; a change of a published
 * agenda carries its reason.
 */
public class AgendaForm {

    /** Rows offered beyond the filled ones, for new items. */
    static final int SPARE_ROWS = 2;

    private static final Pattern API_FIELD = Pattern.compile("items\\[(\\d+)]\\.(\\w+)(.*)");

    private long version;
    private String reason = "";
    private List<Row> items = new ArrayList<>();

    /** The form for the agenda as it stands; a first agenda starts with one row per accepted topic. */
    static AgendaForm of(Meeting.Agenda agenda, List<Meeting.Topic> topics, long version) {
        AgendaForm form = new AgendaForm();
        form.version = version;
        if (agenda != null && !agenda.items().isEmpty()) {
            for (Meeting.AgendaItem item : agenda.items()) {
                Row row = new Row();
                row.title = item.title();
                row.startTime = time(item.startsAt());
                row.endTime = time(item.endsAt());
                row.departmentId = item.departmentId() == null ? "" : item.departmentId();
                row.topicId = item.topicId();
                form.items.add(row);
            }
        } else {
            for (Meeting.Topic topic : topics) {
                if ("ACCEPTED".equals(topic.status())) {
                    Row row = new Row();
                    row.title = topic.title();
                    row.topicId = topic.id();
                    form.items.add(row);
                }
            }
        }
        form.addSpareRows();
        return form;
    }

    void addSpareRows() {
        for (int i = 0; i < SPARE_ROWS; i++) {
            items.add(new Row());
        }
    }

    private static LocalTime time(Instant instant) {
        return instant == null ? null : instant.atZone(Dates.CITY).toLocalTime();
    }

    /** The filled rows in order, as the API takes them, each slot on {@code day}. */
    List<Map<String, Object>> toRequest(LocalDate day) {
        List<Map<String, Object>> request = new ArrayList<>();
        for (Row row : filledRows()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("title", row.title == null ? "" : row.title.trim());
            item.put("startsAt", at(day, row.startTime));
            item.put("endsAt", at(day, row.endTime));
            item.put("departmentId", row.departmentId == null ? "" : row.departmentId);
            item.put("topicId", row.topicId);
            request.add(item);
        }
        return request;
    }

    private List<Row> filledRows() {
        return items.stream().filter(row -> !row.isEmpty()).toList();
    }

    /** The form field of an API field: the API numbers the filled rows only. */
    String formField(String apiField) {
        Matcher matcher = API_FIELD.matcher(apiField);
        if (!matcher.matches()) {
            return apiField;
        }
        List<Row> filled = filledRows();
        int index = Integer.parseInt(matcher.group(1));
        if (index >= filled.size()) {
            return apiField;
        }
        int row = items.indexOf(filled.get(index));
        String field =
                switch (matcher.group(2)) {
                    case "startsAt" -> "startTime";
                    case "endsAt" -> "endTime";
                    default -> matcher.group(2);
                };
        return "items[" + row + "]." + field;
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day == null || time == null
                ? null
                : day.atTime(time).atZone(Dates.CITY).toInstant();
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

    public List<Row> getItems() {
        return items;
    }

    public void setItems(List<Row> items) {
        this.items = items;
    }

    /** One agenda item as typed. */
    public static class Row {

        private String title = "";

        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime startTime;

        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime endTime;

        private String departmentId = "";
        private UUID topicId;

        boolean isEmpty() {
            return (title == null || title.isBlank())
                    && startTime == null
                    && endTime == null
                    && (departmentId == null || departmentId.isBlank())
                    && topicId == null;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public LocalTime getStartTime() {
            return startTime;
        }

        public void setStartTime(LocalTime startTime) {
            this.startTime = startTime;
        }

        public LocalTime getEndTime() {
            return endTime;
        }

        public void setEndTime(LocalTime endTime) {
            this.endTime = endTime;
        }

        public String getDepartmentId() {
            return departmentId;
        }

        public void setDepartmentId(String departmentId) {
            this.departmentId = departmentId;
        }

        public UUID getTopicId() {
            return topicId;
        }

        public void setTopicId(UUID topicId) {
            this.topicId = topicId;
        }
    }
}
