package cn.qinqing.portal.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/** A user's form: who signs in, as what, for which enterprise or department; the password only when creating. */
public class UserForm {

    private String username;
    private String displayName;
    private String role;
    private String enterpriseId;
    private String departmentId;
    private String password;
    private boolean enabled = true;

    static UserForm of(IdentityApi.User user) {
        UserForm form = new UserForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.role = user.role();
        form.enterpriseId = user.enterpriseId();
        form.departmentId = user.departmentId();
        form.enabled = user.enabled();
        return form;
    }

    Map<String, Object> body(boolean creating) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (creating) {
            put(body, "username", username);
            put(body, "password", password);
        } else {
            body.put("enabled", enabled);
        }
        put(body, "displayName", displayName);
        put(body, "role", role);
        put(body, "enterpriseId", enterpriseId);
        put(body, "departmentId", departmentId);
        return body;
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getEnterpriseId() {
        return enterpriseId;
    }

    public void setEnterpriseId(String enterpriseId) {
        this.enterpriseId = enterpriseId;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
