package cn.qinqing.notifications.feed;

import cn.qinqing.notifications.notice.Kind;
import cn.qinqing.notifications.notice.Preferences;
import cn.qinqing.notifications.notice.Recipient;
import cn.qinqing.notifications.notice.Texts;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.FieldError;
import cn.qinqing.platform.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's choices: the language of their notifications, a staff member's e-mail address (an enterprise's is the
 * contact it registered), and per kind of their role, which channels.
 */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferencesController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    record KindChoice(String kind, boolean feed, boolean email, boolean webhook) {}

    /** @param email null for an enterprise (its registered contact's address is used) */
    record PreferencesView(String language, String email, boolean emailFromRegistration, List<KindChoice> kinds) {}

    record PreferencesRequest(String language, String email, List<KindChoice> kinds) {}

    @GetMapping
    PreferencesView read() {
        Actor actor = Actor.require();
        return view(actor, Recipient.of(actor));
    }

    @PutMapping
    PreferencesView write(@RequestBody PreferencesRequest request) {
        Actor actor = Actor.require();
        Recipient recipient = Recipient.of(actor);
        List<FieldError> errors = new ArrayList<>();
        if (request.language() == null || !Texts.supported(request.language())) {
            errors.add(new FieldError("language", "must be zh-CN or en"));
        }
        String email = request.email() == null ? null : request.email().strip();
        if (recipient.isEnterprise() && email != null && !email.isEmpty()) {
            errors.add(new FieldError(
                    "email", "is not yours to set: an enterprise is written to at its registered contact's address"));
        } else if (email != null
                && !email.isEmpty()
                && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "must be an e-mail address such as name@example.gov.cn"));
        }
        List<Kind> allowed = Kind.forRole(actor.role());
        Map<Kind, Preferences.Choice> choices = new LinkedHashMap<>();
        List<KindChoice> kinds = request.kinds() == null ? List.of() : request.kinds();
        for (int i = 0; i < kinds.size(); i++) {
            KindChoice choice = kinds.get(i);
            Kind kind = allowed.stream()
                    .filter(k -> k.name().equals(choice.kind()))
                    .findFirst()
                    .orElse(null);
            if (kind == null) {
                errors.add(new FieldError("kinds[" + i + "].kind", "is not a kind of notification for your role"));
            } else {
                choices.put(kind, new Preferences.Choice(choice.feed(), choice.email(), choice.webhook()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        preferences.save(recipient, new Preferences.Profile(request.language(), email), choices);
        return view(actor, recipient);
    }

    private PreferencesView view(Actor actor, Recipient recipient) {
        Preferences.Profile profile = preferences.profile(recipient);
        List<KindChoice> kinds = preferences.choices(recipient, Kind.forRole(actor.role())).entrySet().stream()
                .map(e -> new KindChoice(
                        e.getKey().name(),
                        e.getValue().feed(),
                        e.getValue().email(),
                        e.getValue().webhook()))
                .toList();
        return new PreferencesView(profile.language(), profile.email(), recipient.isEnterprise(), kinds);
    }
}
