package cn.qinqing.portal.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A routing rule's form (派单规则): category, optionally chain position and district, → department. No category: the
 * default rule. Also the dry run's question ("where would this appeal go?"), which uses the conditions only.
 */
public class RuleForm {

    private String category;
    private String chainPosition;
    private String district;
    private String departmentId;
    private Long version;
    /** Made when the add form is shown: a repeated submission adds one rule. */
    private String key = UUID.randomUUID().toString();

    static RuleForm of(Directory.Rule rule) {
        RuleForm form = new RuleForm();
        form.category = rule.category();
        form.chainPosition = rule.chainPosition();
        form.district = rule.district();
        form.departmentId = rule.departmentId();
        form.version = rule.version();
        return form;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "category", category);
        put(body, "chainPosition", chainPosition);
        put(body, "district", district);
        put(body, "departmentId", departmentId);
        return body;
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }

    boolean isEmpty() {
        return category == null && chainPosition == null && district == null;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = blankToNull(category);
    }

    public String getChainPosition() {
        return chainPosition;
    }

    public void setChainPosition(String chainPosition) {
        this.chainPosition = blankToNull(chainPosition);
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = blankToNull(district);
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
