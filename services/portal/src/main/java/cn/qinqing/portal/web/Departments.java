package cn.qinqing.portal.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A department's name for people, in their language, for the ids the APIs give ({@code industry-it}). The names of the
 * city's departments are in the message bundles ({@code department.<id>}): the directory keeps Chinese names only,
 * and enterprise users may not read it. An id the bundles do not know is shown as it is.
 */
@Component("departments")
public class Departments {

    private final MessageSource messages;

    Departments(MessageSource messages) {
        this.messages = messages;
    }

    public String name(String id) {
        if (id == null) {
            return "";
        }
        return messages.getMessage("department." + id, null, id, LocaleContextHolder.getLocale());
    }
}
