package cn.qinqing.portal.admin;

import java.util.HashMap;
import java.util.Map;

/** Disabling an integration client, or enabling it again: the state it should have. */
public class ClientStateForm {

    private Boolean enabled;

    /** The body for the identity service; a missing or unreadable choice goes as null, for it to refuse. */
    Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("enabled", enabled);
        return body;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
