package cn.qinqing.language.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes a {@link CalendarYear} in the calendar file format, and finds the years bundled on the class path
 * under {@code calendar/<year>.json}:
 *
 * <pre>{@code
 * {
 *   "year": 2025,
 *   "provisional": false,
 *   "source": "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
 *   "holidays": [ { "name": "春节", "from": "2025-01-28", "to": "2025-02-04" } ],
 *   "makeUpWorkingDays": [ "2025-01-26", "2025-02-08" ]
 * }
 * }</pre>
 */
public final class CalendarFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CalendarFiles() {}

    /** The year in the JSON text; every problem with it is reported at once. */
    public static CalendarYear read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCalendarYearException(List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCalendarYearException(List.of("a calendar file is a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        JsonNode year = root.get("year");
        if (year == null || !year.isInt()) {
            problems.add("year: a whole number is required");
        }
        JsonNode provisional = root.get("provisional");
        if (provisional != null && !provisional.isBoolean()) {
            problems.add("provisional: true or false");
        }
        JsonNode source = root.get("source");
        if (source == null || !source.isTextual()) {
            problems.add("source: text is required");
        }
        List<Holiday> holidays = new ArrayList<>();
        JsonNode holidayNodes = root.get("holidays");
        if (holidayNodes != null && !holidayNodes.isArray()) {
            problems.add("holidays: a list is required");
        } else if (holidayNodes != null) {
            int index = 0;
            for (JsonNode node : holidayNodes) {
                String where = "holidays[" + index++ + "]";
                try {
                    holidays.add(new Holiday(
                            text(node, "name"), date(node.get("from"), where), date(node.get("to"), where)));
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
        }
        List<LocalDate> makeUpWorkingDays = new ArrayList<>();
        JsonNode dayNodes = root.get("makeUpWorkingDays");
        if (dayNodes != null && !dayNodes.isArray()) {
            problems.add("makeUpWorkingDays: a list is required");
        } else if (dayNodes != null) {
            int index = 0;
            for (JsonNode node : dayNodes) {
                String where = "makeUpWorkingDays[" + index++ + "]";
                try {
                    makeUpWorkingDays.add(date(node, where));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCalendarYearException(problems);
        }
        return new CalendarYear(
                year.intValue(),
                provisional != null && provisional.booleanValue(),
                source.textValue(),
                holidays,
                makeUpWorkingDays);
    }

    /** The year in the calendar file format. */
    public static String write(CalendarYear year) {
        ObjectNode root = JSON.createObjectNode();
        root.put("year", year.year());
        root.put("provisional", year.provisional());
        root.put("source", year.source());
        ArrayNode holidays = root.putArray("holidays");
        for (Holiday holiday : year.holidays()) {
            holidays.addObject()
                    .put("name", holiday.name())
                    .put("from", holiday.from().toString())
                    .put("to", holiday.to().toString());
        }
        ArrayNode days = root.putArray("makeUpWorkingDays");
        year.makeUpWorkingDays().forEach(day -> days.add(day.toString()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The year bundled with the platform, if there is a file for it. */
    public static Optional<CalendarYear> bundled(int year) {
        try (InputStream in = CalendarFiles.class.getClassLoader().getResourceAsStream("calendar/" + year + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every year bundled with the platform. */
    public static List<CalendarYear> bundled() {
        List<CalendarYear> years = new ArrayList<>();
        for (int year = CalendarYear.EARLIEST_YEAR; year <= CalendarYear.LATEST_YEAR; year++) {
            bundled(year).ifPresent(years::add);
        }
        return years;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + ": text is required");
        }
        return value.textValue();
    }

    private static LocalDate date(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(where + ": a date (yyyy-MM-dd) is required");
        }
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": " + node.textValue() + " is not a date (yyyy-MM-dd)");
        }
    }
}
