package cn.qinqing.oversight.eventlog;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.history.AppealEvent;
import cn.qinqing.oversight.history.AppealHistory;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Appeal histories folded from the published events recorded by an instant. */
@Service
public class Histories {

    private final AppealEventLog events;

    Histories(AppealEventLog events) {
        this.events = events;
    }

    /** The appeal's history as of the instant; empty when nothing of it was recorded by then. */
    public Optional<AppealHistory> of(UUID appealId, Instant asOf, WorkingCalendar calendar) {
        List<AppealEvent> known = events.ofAppeal(appealId, asOf);
        return known.isEmpty() ? Optional.empty() : Optional.of(AppealHistory.of(appealId, known, asOf, calendar));
    }

    /**
     * Each history of an appeal with something happening or falling due in {@code [from, to)} (null: all time), one
     * at a time: keep what you need of it, not the history, and memory stays flat however big the store.
     */
    public void touching(
            Instant from, Instant to, Instant asOf, WorkingCalendar calendar, Consumer<AppealHistory> each) {
        events.touching(from, to, asOf, fold(asOf, calendar, each));
    }

    /** Each history of an appeal not finished at the instant, one at a time. */
    public void unfinished(Instant asOf, WorkingCalendar calendar, Consumer<AppealHistory> each) {
        events.unfinished(asOf, fold(asOf, calendar, each));
    }

    /** Each history of an appeal of these enterprises, one at a time. */
    public void ofEnterprises(
            Collection<String> enterprises, Instant asOf, WorkingCalendar calendar, Consumer<AppealHistory> each) {
        events.ofEnterprises(enterprises, asOf, fold(asOf, calendar, each));
    }

    private static Consumer<List<AppealEvent>> fold(
            Instant asOf, WorkingCalendar calendar, Consumer<AppealHistory> each) {
        return known -> each.accept(AppealHistory.of(known.get(0).appealId(), known, asOf, calendar));
    }
}
