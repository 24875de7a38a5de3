package cn.qinqing.portal.enterprise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;

/**
 * The form for filing an appeal (提交诉求). Its idempotency key is made when the form is first shown, so that sending
 * it twice (a double click, a reload) files one appeal.
 */
public class AppealForm {

    private String title = "";
    private String description = "";
    private String category = "";
    private String urgency = "NORMAL";
    private boolean manualDispatch;
    private String idempotencyKey = UUID.randomUUID().toString();

    Map<String, Object> toRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", title);
        request.put("description", description);
        request.put("category", RegistrationForm.blankToNull(category));
        request.put("urgency", RegistrationForm.blankToNull(urgency));
        request.put("manualDispatch", manualDispatch);
        return request;
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

    public boolean isManualDispatch() {
        return manualDispatch;
    }

    public void setManualDispatch(boolean manualDispatch) {
        this.manualDispatch = manualDispatch;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /** Files chosen in the form (documents, ADR 0009); none when the form has no file field. */
    private List<MultipartFile> files = List.of();

    public List<MultipartFile> getFiles() {
        return files;
    }

    public void setFiles(List<MultipartFile> files) {
        this.files = files == null ? List.of() : files;
    }
}
