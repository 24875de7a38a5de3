package cn.qinqing.portal.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form of a directory entry (部门、领导、工作人员、包联): the fields of every kind, each kind sending its own. Blank
 * fields are sent as absent, so the API's own checks decide and name the field.
 */
public class EntryForm {

    private String id;
    private String name;
    private String parentDepartmentId;
    private String title;
    private String rank;
    private String departmentId;
    private String superiorLeaderId;
    private String liaisonLeaderId;
    private boolean keyEnterprise;
    private Long version;

    static EntryForm of(Directory.DepartmentEntry department) {
        EntryForm form = new EntryForm();
        form.id = department.departmentId();
        form.name = department.name();
        form.parentDepartmentId = department.parentDepartmentId();
        form.version = department.version();
        return form;
    }

    static EntryForm of(Directory.LeaderEntry leader) {
        EntryForm form = new EntryForm();
        form.id = leader.leaderId();
        form.name = leader.name();
        form.title = leader.title();
        form.rank = leader.rank();
        form.departmentId = leader.departmentId();
        form.superiorLeaderId = leader.superiorLeaderId();
        form.version = leader.version();
        return form;
    }

    static EntryForm of(Directory.OfficialEntry official) {
        EntryForm form = new EntryForm();
        form.id = official.officialId();
        form.name = official.name();
        form.departmentId = official.departmentId();
        form.version = official.version();
        return form;
    }

    static EntryForm of(Directory.Enterprise enterprise) {
        EntryForm form = new EntryForm();
        form.id = enterprise.enterpriseId();
        form.liaisonLeaderId = enterprise.liaisonLeaderId();
        form.keyEnterprise = enterprise.keyEnterprise();
        form.version = enterprise.liaisonVersion();
        return form;
    }

    /** The API's body for the kind (departments, leaders, officials, enterprises); the id only when registering. */
    Map<String, Object> body(Kind kind, boolean registering) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (registering) {
            put(body, kind.idField(), id);
        }
        switch (kind) {
            case DEPARTMENTS -> {
                put(body, "name", name);
                put(body, "parentDepartmentId", parentDepartmentId);
            }
            case LEADERS -> {
                put(body, "name", name);
                put(body, "title", title);
                put(body, "rank", rank);
                put(body, "departmentId", departmentId);
                put(body, "superiorLeaderId", superiorLeaderId);
            }
            case OFFICIALS -> {
                put(body, "name", name);
                put(body, "departmentId", departmentId);
            }
            case ENTERPRISES -> {
                put(body, "liaisonLeaderId", liaisonLeaderId);
                body.put("keyEnterprise", keyEnterprise);
            }
        }
        return body;
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }

    /** The kinds of entry, as their API paths name them. */
    enum Kind {
        DEPARTMENTS("departmentId", "DEPARTMENT"),
        LEADERS("leaderId", "LEADER"),
        OFFICIALS("officialId", "OFFICIAL"),
        ENTERPRISES("enterpriseId", "ENTERPRISE");

        private final String idField;
        private final String subjectType;

        Kind(String idField, String subjectType) {
            this.idField = idField;
            this.subjectType = subjectType;
        }

        String idField() {
            return idField;
        }

        String subjectType() {
            return subjectType;
        }

        String path() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String path) {
            for (Kind kind : values()) {
                if (kind.path().equals(path)) {
                    return kind;
                }
            }
            return null;
        }

        /** API field → form field: the entry's own id is the form's id (a leader's departmentId stays itself). */
        String formField(String apiField) {
            return apiField.equals(idField) ? "id" : apiField;
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getParentDepartmentId() {
        return parentDepartmentId;
    }

    public void setParentDepartmentId(String parentDepartmentId) {
        this.parentDepartmentId = parentDepartmentId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getRank() {
        return rank;
    }

    public void setRank(String rank) {
        this.rank = rank;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public String getSuperiorLeaderId() {
        return superiorLeaderId;
    }

    public void setSuperiorLeaderId(String superiorLeaderId) {
        this.superiorLeaderId = superiorLeaderId;
    }

    public String getLiaisonLeaderId() {
        return liaisonLeaderId;
    }

    public void setLiaisonLeaderId(String liaisonLeaderId) {
        this.liaisonLeaderId = liaisonLeaderId;
    }

    public boolean isKeyEnterprise() {
        return keyEnterprise;
    }

    public void setKeyEnterprise(boolean keyEnterprise) {
        this.keyEnterprise = keyEnterprise;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
