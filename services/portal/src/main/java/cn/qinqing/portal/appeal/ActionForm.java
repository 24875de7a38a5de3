package cn.qinqing.portal.appeal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The form of one action on an appeal's page (dispatch, sign for, return, transfer, a progress note, an extension,
 * the answer, a supervision notice, a decision). Each action uses the fields it needs; {@code version} is what the page
 * was read at (sent as If-Match) and {@code key} makes a repeated create one.
 */
public class ActionForm {

    /** A due date picked as a day is due at the end of that working day, Beijing time. */
    public static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

    private Integer rating;
    private String title = "";
    private String text = "";
    private UUID linkedAppealId;
    private String departmentId = "";
    private String outcome = "";
    private String reason = "";
    private String policyBasis = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;

    private boolean visibleToEnterprise = true;
    private boolean contactWithEnterprise;
    private String decision = "";
    private UUID requestId;
    private long version;
    private String key = UUID.randomUUID().toString();

    /** Files chosen in the form (a note, an extension request, the answer; ADR 0009); none without a file field. */
    private List<MultipartFile> files = List.of();

    public ActionForm() {}

    public ActionForm(long version) {
        this.version = version;
    }

    /** The due date as an instant (18:00 Beijing time that day), or null when none was picked. */
    public Instant dueAt() {
        return dueDate == null
                ? null
                : dueDate.atTime(END_OF_DAY)
                        .atZone(cn.qinqing.portal.web.Dates.CITY)
                        .toInstant();
    }

    public Integer getRating() {
        return rating;
    }

    public void setRating(Integer rating) {
        this.rating = rating;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public UUID getLinkedAppealId() {
        return linkedAppealId;
    }

    public void setLinkedAppealId(UUID linkedAppealId) {
        this.linkedAppealId = linkedAppealId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getPolicyBasis() {
        return policyBasis;
    }

    public void setPolicyBasis(String policyBasis) {
        this.policyBasis = policyBasis;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public boolean isVisibleToEnterprise() {
        return visibleToEnterprise;
    }

    public void setVisibleToEnterprise(boolean visibleToEnterprise) {
        this.visibleToEnterprise = visibleToEnterprise;
    }

    public boolean isContactWithEnterprise() {
        return contactWithEnterprise;
    }

    public void setContactWithEnterprise(boolean contactWithEnterprise) {
        this.contactWithEnterprise = contactWithEnterprise;
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public UUID getRequestId() {
        return requestId;
    }

    public void setRequestId(UUID requestId) {
        this.requestId = requestId;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public List<MultipartFile> getFiles() {
        return files;
    }

    public void setFiles(List<MultipartFile> files) {
        this.files = files == null ? List.of() : files;
    }
}
