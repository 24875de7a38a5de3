package cn.qinqing.portal.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/** An enterprise's integration client: its id, a name, the enterprise it acts for. */
public class ClientForm {

    private String clientId;
    private String name;
    private String enterpriseId;

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId == null ? "" : clientId.trim());
        body.put("name", name == null ? "" : name.trim());
        body.put("enterpriseId", enterpriseId == null ? "" : enterpriseId.trim());
        return body;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEnterpriseId() {
        return enterpriseId;
    }

    public void setEnterpriseId(String enterpriseId) {
        this.enterpriseId = enterpriseId;
    }
}
