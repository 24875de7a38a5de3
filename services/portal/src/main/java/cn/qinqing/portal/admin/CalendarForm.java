package cn.qinqing.portal.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * One year of the working calendar as the admin types it from the State Council's notice (国务院办公厅关于…年部分节假日安排的
 * 通知): the notice's title, one holiday per line ({@code 春节 2027-02-05 2027-02-13}, or one date for a single day), the
 * make-up working days (调休上班). It becomes the calendar file the resolution service loads.
 */
public class CalendarForm {

    private Integer year;
    private String source;
    private boolean provisional;
    private String holidays = "";
    private String makeUpWorkingDays = "";

    static CalendarForm of(Directory.CalendarYear data) {
        CalendarForm form = new CalendarForm();
        form.year = data.year();
        if (!"NONE".equals(data.origin()) && !data.provisional()) {
            form.source = data.source();
        }
        StringBuilder lines = new StringBuilder();
        for (Directory.Holiday holiday : data.holidays()) {
            lines.append(holiday.name()).append(' ').append(holiday.from());
            if (!holiday.to().equals(holiday.from())) {
                lines.append(' ').append(holiday.to());
            }
            lines.append('\n');
        }
        form.holidays = lines.toString();
        form.makeUpWorkingDays = String.join("\n", data.makeUpWorkingDays());
        return form;
    }

    /** The calendar file, or null after putting each problem beside its field. */
    Map<String, Object> file(BindingResult binding) {
        if (year == null) {
            binding.rejectValue("year", "admin.calendar.yearRequired");
        }
        if (source == null || source.isBlank()) {
            binding.rejectValue("source", "admin.calendar.sourceRequired");
        }
        List<Map<String, String>> holidayList = new ArrayList<>();
        int number = 0;
        for (String line : lines(holidays)) {
            number++;
            List<String> parts = List.of(line.trim().split("\\s+"));
            int dates = 0;
            while (dates < 2 && dates < parts.size() - 1 && date(parts.get(parts.size() - 1 - dates)) != null) {
                dates++;
            }
            // a date mistyped stays in the name: refuse it rather than load a holiday of the wrong length
            boolean mistypedDate =
                    parts.subList(0, parts.size() - dates).stream().anyMatch(part -> part.matches("\\d{4}[-./年].*"));
            if (dates == 0 || mistypedDate) {
                binding.rejectValue("holidays", "admin.calendar.holidayLine", new Object[] {number, line.trim()}, null);
                continue;
            }
            Map<String, String> holiday = new LinkedHashMap<>();
            holiday.put("name", String.join(" ", parts.subList(0, parts.size() - dates)));
            holiday.put("from", parts.get(parts.size() - dates));
            holiday.put("to", parts.get(parts.size() - 1));
            holidayList.add(holiday);
        }
        List<String> days = new ArrayList<>();
        for (String day : makeUpWorkingDays == null
                ? new String[0]
                : makeUpWorkingDays.trim().split("[\\s,，、]+")) {
            if (day.isEmpty()) {
                continue;
            }
            if (date(day) == null) {
                binding.rejectValue("makeUpWorkingDays", "admin.calendar.notADate", new Object[] {day}, null);
            } else {
                days.add(day);
            }
        }
        if (binding.hasErrors()) {
            return null;
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("year", year);
        file.put("provisional", provisional);
        file.put("source", source.trim());
        file.put("holidays", holidayList);
        file.put("makeUpWorkingDays", days);
        return file;
    }

    private static List<String> lines(String text) {
        return text == null
                ? List.of()
                : text.lines().filter(line -> !line.isBlank()).toList();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public boolean isProvisional() {
        return provisional;
    }

    public void setProvisional(boolean provisional) {
        this.provisional = provisional;
    }

    public String getHolidays() {
        return holidays;
    }

    public void setHolidays(String holidays) {
        this.holidays = holidays;
    }

    public String getMakeUpWorkingDays() {
        return makeUpWorkingDays;
    }

    public void setMakeUpWorkingDays(String makeUpWorkingDays) {
        this.makeUpWorkingDays = makeUpWorkingDays;
    }
}
