package cn.qinqing.portal.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * An SLA tier as the admin sets it: the category and urgency, the working days to first contact and to the answer,
 * optionally the hours in the dispatcher's queue and the working days to sign for (empty: the defaults), the day it
 * applies from and its basis (the reason or the official document). {@code versionOf} names the tier whose
 * {@code version} the page read, so that a change names that version (If-Match) only for that tier.
 */
public class SlaTierForm {

    private String category;
    private String urgency;
    private String firstContactDays;
    private String resolutionDays;
    private String dispatchHours;
    private String signForDays;
    private String effectiveFrom;
    private String basis;
    private Long version;
    private String versionOf;

    static SlaTierForm of(SlaTiers.Row row) {
        SlaTierForm form = new SlaTierForm();
        form.category = row.category();
        form.urgency = row.urgency();
        SlaTiers.Setting latest = row.latest();
        form.firstContactDays = String.valueOf(latest == null ? row.firstContactDays() : latest.firstContactDays());
        form.resolutionDays = String.valueOf(latest == null ? row.resolutionDays() : latest.resolutionDays());
        if (latest != null) {
            form.dispatchHours = latest.dispatchHours() == null
                    ? null
                    : latest.dispatchHours().toString();
            form.signForDays =
                    latest.signForDays() == null ? null : latest.signForDays().toString();
            form.version = latest.version();
            form.versionOf = row.category() + "/" + row.urgency();
        }
        return form;
    }

    /** The request body, or null after putting what is not a whole number beside its field. */
    Map<String, Object> body(BindingResult binding) {
        if (category == null || category.isBlank()) {
            binding.rejectValue("category", "admin.slaTiers.categoryRequired");
        }
        if (urgency == null || urgency.isBlank()) {
            binding.rejectValue("urgency", "admin.slaTiers.urgencyRequired");
        }
        Integer firstContact = whole("firstContactDays", firstContactDays, binding);
        Integer resolution = whole("resolutionDays", resolutionDays, binding);
        Integer dispatch = whole("dispatchHours", dispatchHours, binding);
        Integer signFor = whole("signForDays", signForDays, binding);
        if (binding.hasErrors()) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstContactDays", firstContact);
        body.put("resolutionDays", resolution);
        if (dispatch != null) {
            body.put("dispatchHours", dispatch);
        }
        if (signFor != null) {
            body.put("signForDays", signFor);
        }
        body.put("effectiveFrom", effectiveFrom == null ? null : effectiveFrom.trim());
        body.put("basis", basis);
        return body;
    }

    /** The version to name in If-Match: only for the tier the page read it of. */
    Long versionFor() {
        return versionOf != null && versionOf.equals(category + "/" + urgency) ? version : null;
    }

    private static Integer whole(String field, String text, BindingResult binding) {
        if (text == null || text.isBlank()) {
            return null; // the service names a missing limit
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            binding.rejectValue(field, "admin.slaTiers.notANumber", new Object[] {text.trim()}, null);
            return null;
        }
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

    public String getFirstContactDays() {
        return firstContactDays;
    }

    public void setFirstContactDays(String firstContactDays) {
        this.firstContactDays = firstContactDays;
    }

    public String getResolutionDays() {
        return resolutionDays;
    }

    public void setResolutionDays(String resolutionDays) {
        this.resolutionDays = resolutionDays;
    }

    public String getDispatchHours() {
        return dispatchHours;
    }

    public void setDispatchHours(String dispatchHours) {
        this.dispatchHours = dispatchHours;
    }

    public String getSignForDays() {
        return signForDays;
    }

    public void setSignForDays(String signForDays) {
        this.signForDays = signForDays;
    }

    public String getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(String effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getVersionOf() {
        return versionOf;
    }

    public void setVersionOf(String versionOf) {
        this.versionOf = versionOf;
    }
}
