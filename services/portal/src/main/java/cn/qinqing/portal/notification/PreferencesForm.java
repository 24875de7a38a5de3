package cn.qinqing.portal.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The notification settings form: language, a staff member's e-mail address, the channels per kind. */
public class PreferencesForm {

    private String language = "zh-CN";
    private String email;
    private boolean emailFromRegistration;
    private List<Row> kinds = new ArrayList<>();

    public static class Row {
        private String kind;
        private boolean feed;
        private boolean email;
        private boolean webhook;

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public boolean isFeed() {
            return feed;
        }

        public void setFeed(boolean feed) {
            this.feed = feed;
        }

        public boolean isEmail() {
            return email;
        }

        public void setEmail(boolean email) {
            this.email = email;
        }

        public boolean isWebhook() {
            return webhook;
        }

        public void setWebhook(boolean webhook) {
            this.webhook = webhook;
        }
    }

    static PreferencesForm of(NotificationsApi.Preferences preferences) {
        PreferencesForm form = new PreferencesForm();
        form.language = preferences.language();
        form.email = preferences.email();
        form.emailFromRegistration = preferences.emailFromRegistration();
        for (NotificationsApi.KindChoice choice : preferences.kinds()) {
            Row row = new Row();
            row.kind = choice.kind();
            row.feed = choice.feed();
            row.email = choice.email();
            row.webhook = choice.webhook();
            form.kinds.add(row);
        }
        return form;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("language", language);
        body.put("email", emailFromRegistration ? null : email);
        body.put(
                "kinds",
                kinds.stream()
                        .map(row -> Map.of(
                                "kind", String.valueOf(row.kind),
                                "feed", row.feed,
                                "email", row.email,
                                "webhook", row.webhook))
                        .toList());
        return body;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isEmailFromRegistration() {
        return emailFromRegistration;
    }

    public void setEmailFromRegistration(boolean emailFromRegistration) {
        this.emailFromRegistration = emailFromRegistration;
    }

    public List<Row> getKinds() {
        return kinds;
    }

    public void setKinds(List<Row> kinds) {
        this.kinds = kinds;
    }
}
