package cn.qinqing.language.calendar;

import java.util.List;

/** A calendar year's data is not acceptable; {@link #problems()} says why, one message per problem. */
public class InvalidCalendarYearException extends IllegalArgumentException {
    private final transient List<String> problems;

    public InvalidCalendarYearException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
