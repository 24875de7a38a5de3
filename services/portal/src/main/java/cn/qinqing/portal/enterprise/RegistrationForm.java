package cn.qinqing.portal.enterprise;

import java.util.LinkedHashMap;
import java.util.Map;

/** The enterprise registration form (企业注册). The USCC is the account's own; the API checks it again. */
public class RegistrationForm {

    static final Map<String, String> API_FIELDS = Map.of(
            "contact.name", "contactName",
            "contact.phone", "contactPhone",
            "contact.email", "contactEmail",
            "contact", "contactName");

    private String name = "";
    private String uscc = "";
    private String chainPosition = "";
    private String district = "";
    private String contactName = "";
    private String contactPhone = "";
    private String contactEmail = "";

    Map<String, Object> toRequest() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", contactName);
        contact.put("phone", contactPhone);
        contact.put("email", blankToNull(contactEmail));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("uscc", uscc);
        request.put("chainPosition", blankToNull(chainPosition));
        request.put("district", district);
        request.put("contact", contact);
        return request;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUscc() {
        return uscc;
    }

    public void setUscc(String uscc) {
        this.uscc = uscc;
    }

    public String getChainPosition() {
        return chainPosition;
    }

    public void setChainPosition(String chainPosition) {
        this.chainPosition = chainPosition;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }
}
