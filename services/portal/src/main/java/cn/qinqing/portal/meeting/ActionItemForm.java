package cn.qinqing.portal.meeting;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An action item raised from one decision of the minutes (会议决定事项): the enterprise it concerns, the owner
 * department, the responsible leader and the due date; it becomes an appeal tracked like any other. The key makes a
 * form sent twice one item.
 */
public class ActionItemForm {

    /** API fields shown under another name here. */
    static final Map<String, String> API_FIELDS = Map.of("agendaPosition", "decisionRef", "decision", "decisionRef");

    /** Rule violations of the meeting that concern one field. */
    static final Map<String, String> RULE_FIELDS = Map.of(
            "decision-unknown", "decisionRef",
            "enterprise-not-invited", "enterpriseId",
            "due-date-before-meeting", "dueOn");

    /** The decision as "agenda item.decision", e.g. {@code 1.2}. */
    private String decisionRef = "";

    private String enterpriseId = "";
    private String ownerDepartmentId = "";
    private String responsibleLeaderId = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueOn;

    private String title = "";
    private String description = "";
    private String category = "";
    private String urgency = "NORMAL";
    private String key = UUID.randomUUID().toString();

    Map<String, Object> toRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        Integer[] ref = ref();
        request.put("agendaPosition", ref[0]);
        request.put("decision", ref[1]);
        request.put("enterpriseId", enterpriseId);
        request.put("ownerDepartmentId", ownerDepartmentId);
        request.put("responsibleLeaderId", responsibleLeaderId);
        request.put("dueOn", dueOn);
        request.put("title", title);
        request.put("description", description);
        request.put("category", category == null || category.isBlank() ? null : category);
        request.put("urgency", urgency == null || urgency.isBlank() ? null : urgency);
        return request;
    }

    /** Agenda position and decision number, either null when none was chosen. */
    Integer[] ref() {
        String[] parts = decisionRef == null ? new String[0] : decisionRef.split("\\.");
        if (parts.length != 2) {
            return new Integer[] {null, null};
        }
        try {
            return new Integer[] {Integer.valueOf(parts[0]), Integer.valueOf(parts[1])};
        } catch (NumberFormatException notARef) {
            return new Integer[] {null, null};
        }
    }

    public String getDecisionRef() {
        return decisionRef;
    }

    public void setDecisionRef(String decisionRef) {
        this.decisionRef = decisionRef;
    }

    public String getEnterpriseId() {
        return enterpriseId;
    }

    public void setEnterpriseId(String enterpriseId) {
        this.enterpriseId = enterpriseId;
    }

    public String getOwnerDepartmentId() {
        return ownerDepartmentId;
    }

    public void setOwnerDepartmentId(String ownerDepartmentId) {
        this.ownerDepartmentId = ownerDepartmentId;
    }

    public String getResponsibleLeaderId() {
        return responsibleLeaderId;
    }

    public void setResponsibleLeaderId(String responsibleLeaderId) {
        this.responsibleLeaderId = responsibleLeaderId;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
