package cn.qinqing.oversight.query;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.facts.Facts;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Appeal histories folded from the facts recorded by an instant. */
@Service
public class Histories {

    private final Facts facts;

    Histories(Facts facts) {
        this.facts = facts;
    }

    /** The appeal's history as of the instant; empty when nothing of it was recorded by then. */
    public Optional<AppealHistory> of(UUID appealId, Instant asOf, WorkingCalendar calendar) {
        List<Fact> known = facts.ofAppeal(appealId, asOf);
        return known.isEmpty() ? Optional.empty() : Optional.of(AppealHistory.of(appealId, known, asOf, calendar));
    }

    /** Histories of the appeals with something happening or falling due in {@code [from, to)}; null: all time. */
    public List<AppealHistory> touching(Instant from, Instant to, Instant asOf, WorkingCalendar calendar) {
        return fold(facts.touching(from, to, asOf), asOf, calendar);
    }

    /** Histories of the appeals not finished at the instant. */
    public List<AppealHistory> unfinished(Instant asOf, WorkingCalendar calendar) {
        return fold(facts.unfinished(asOf), asOf, calendar);
    }

    public List<AppealHistory> ofEnterprises(Collection<String> enterprises, Instant asOf, WorkingCalendar calendar) {
        return fold(facts.ofEnterprises(enterprises, asOf), asOf, calendar);
    }

    private static List<AppealHistory> fold(Map<UUID, List<Fact>> byAppeal, Instant asOf, WorkingCalendar calendar) {
        List<AppealHistory> histories = new ArrayList<>(byAppeal.size());
        byAppeal.forEach((id, known) -> histories.add(AppealHistory.of(id, known, asOf, calendar)));
        return histories;
    }
}
