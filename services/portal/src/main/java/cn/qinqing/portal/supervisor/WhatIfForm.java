package cn.qinqing.portal.supervisor;

import cn.qinqing.portal.oversight.WhatIf;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.validation.BindingResult;

/**
 * The what-if form (假设推演): a period of months and a proposal — the sign-for and first-contact limits, the days to
 * answer per urgency (and one tier for a single category), and the holidays and make-up working days of one calendar
 * year. A blank limit stays as it was; the holidays are sent only if they were changed.
 */
public class WhatIfForm {

    static final Set<String> URGENCIES = Set.of("EMERGENCY", "URGENT", "NORMAL");

    private String from = "";
    private String to = "";
    private String signForDays = "";
    private String firstContactDays = "";
    private String emergencyDays = "";
    private String urgentDays = "";
    private String normalDays = "";
    private String tierCategory = "";
    private String tierUrgency = "";
    private String tierDays = "";
    private String calendarYear = "";
    private String holidays = "";
    private String holidaysAsLoaded = "";
    private String makeUpDays = "";
    private String makeUpDaysAsLoaded = "";
    private String idempotencyKey = UUID.randomUUID().toString();

    /** The form's field each {@code proposal.sla.resolution[i]} of the request came from. */
    private final List<String> tierFields = new ArrayList<>();

    /** Starts the holidays from the calendar year as it is. */
    void load(WhatIf.CalendarYear year) {
        calendarYear = Integer.toString(year.year());
        StringBuilder lines = new StringBuilder();
        for (WhatIf.Holiday holiday : year.holidays()) {
            lines.append(holiday.name())
                    .append(',')
                    .append(holiday.from())
                    .append(',')
                    .append(holiday.to())
                    .append('\n');
        }
        holidays = lines.toString().trim();
        holidaysAsLoaded = holidays;
        makeUpDays = String.join(" ", year.makeUpWorkingDays());
        makeUpDaysAsLoaded = makeUpDays;
    }

    /** The API's request; what cannot be read is rejected beside its field and the request is null. */
    Map<String, Object> toRequest(BindingResult binding) {
        Map<String, Object> sla = new LinkedHashMap<>();
        Integer signFor = days(signForDays, "signForDays", binding);
        Integer firstContact = days(firstContactDays, "firstContactDays", binding);
        if (signFor != null) {
            sla.put("signForWorkingDays", signFor);
        }
        if (firstContact != null) {
            sla.put("firstContactWorkingDays", firstContact);
        }
        List<Map<String, Object>> tiers = new ArrayList<>();
        tierFields.clear();
        tier(tiers, null, "EMERGENCY", emergencyDays, "emergencyDays", binding);
        tier(tiers, null, "URGENT", urgentDays, "urgentDays", binding);
        tier(tiers, null, "NORMAL", normalDays, "normalDays", binding);
        if (!tierCategory.isBlank() || !tierDays.isBlank()) {
            if (tierCategory.isBlank()) {
                binding.rejectValue("tierCategory", "whatif.tier.category", "Choose a category.");
            }
            if (!URGENCIES.contains(tierUrgency)) {
                binding.rejectValue("tierUrgency", "whatif.tier.urgency", "Choose an urgency.");
            }
            tier(tiers, tierCategory.isBlank() ? null : tierCategory, tierUrgency, tierDays, "tierDays", binding);
        }
        if (!tiers.isEmpty()) {
            sla.put("resolution", tiers);
        }
        Map<String, Object> proposal = new LinkedHashMap<>();
        if (!sla.isEmpty()) {
            proposal.put("sla", sla);
        }
        if (!holidays.trim().equals(holidaysAsLoaded.trim())
                || !makeUpDays.trim().equals(makeUpDaysAsLoaded.trim())) {
            Map<String, Object> year = calendar(binding);
            if (year != null) {
                proposal.put("calendar", List.of(year));
            }
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("from", from);
        request.put("to", to);
        request.put("proposal", proposal);
        return binding.hasErrors() ? null : request;
    }

    /** The form field an API field name of the request came from. */
    UnaryOperator<String> apiFields() {
        return name -> {
            if (name.equals("proposal.sla.signForWorkingDays")) {
                return "signForDays";
            }
            if (name.equals("proposal.sla.firstContactWorkingDays")) {
                return "firstContactDays";
            }
            if (name.startsWith("proposal.sla.resolution[")) {
                int index = Integer.parseInt(name.substring(24, name.indexOf(']')));
                return index < tierFields.size() ? tierFields.get(index) : "";
            }
            if (name.startsWith("proposal.calendar")) {
                return "holidays";
            }
            return name.equals("proposal") ? "" : name;
        };
    }

    private void tier(
            List<Map<String, Object>> tiers,
            String category,
            String urgency,
            String text,
            String field,
            BindingResult binding) {
        Integer days = days(text, field, binding);
        if (days == null) {
            return;
        }
        Map<String, Object> tier = new LinkedHashMap<>();
        if (category != null) {
            tier.put("category", category);
        }
        tier.put("urgency", urgency);
        tier.put("workingDays", days);
        tiers.add(tier);
        tierFields.add(field);
    }

    private static Integer days(String text, String field, BindingResult binding) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            binding.rejectValue(field, "whatif.days", "Give a whole number of working days.");
            return null;
        }
    }

    private Map<String, Object> calendar(BindingResult binding) {
        int year;
        try {
            year = Integer.parseInt(calendarYear.trim());
        } catch (NumberFormatException e) {
            binding.rejectValue("calendarYear", "whatif.year", "Give a year such as 2025.");
            return null;
        }
        List<Map<String, Object>> periods = new ArrayList<>();
        for (String line : holidays.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[,，]");
            try {
                if (parts.length != 3 || parts[0].isBlank()) {
                    throw new DateTimeParseException("shape", line, 0);
                }
                Map<String, Object> period = new LinkedHashMap<>();
                period.put("name", parts[0].trim());
                period.put("from", LocalDate.parse(parts[1].trim()).toString());
                period.put("to", LocalDate.parse(parts[2].trim()).toString());
                periods.add(period);
            } catch (DateTimeParseException e) {
                binding.rejectValue(
                        "holidays",
                        "whatif.holidayLine",
                        new Object[] {line.trim()},
                        "Write each holiday as name,from,to.");
                return null;
            }
        }
        List<String> makeUp = new ArrayList<>();
        for (String day : makeUpDays.trim().split("[\\s,，]+")) {
            if (day.isBlank()) {
                continue;
            }
            try {
                makeUp.add(LocalDate.parse(day).toString());
            } catch (DateTimeParseException e) {
                binding.rejectValue("makeUpDays", "whatif.date", new Object[] {day}, "Write dates as 2025-09-28.");
                return null;
            }
        }
        Map<String, Object> proposed = new LinkedHashMap<>();
        proposed.put("year", year);
        proposed.put("source", "假设推演 / what-if");
        proposed.put("holidays", periods);
        proposed.put("makeUpWorkingDays", makeUp);
        return proposed;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from == null ? "" : from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to == null ? "" : to;
    }

    public String getSignForDays() {
        return signForDays;
    }

    public void setSignForDays(String signForDays) {
        this.signForDays = signForDays == null ? "" : signForDays;
    }

    public String getFirstContactDays() {
        return firstContactDays;
    }

    public void setFirstContactDays(String firstContactDays) {
        this.firstContactDays = firstContactDays == null ? "" : firstContactDays;
    }

    public String getEmergencyDays() {
        return emergencyDays;
    }

    public void setEmergencyDays(String emergencyDays) {
        this.emergencyDays = emergencyDays == null ? "" : emergencyDays;
    }

    public String getUrgentDays() {
        return urgentDays;
    }

    public void setUrgentDays(String urgentDays) {
        this.urgentDays = urgentDays == null ? "" : urgentDays;
    }

    public String getNormalDays() {
        return normalDays;
    }

    public void setNormalDays(String normalDays) {
        this.normalDays = normalDays == null ? "" : normalDays;
    }

    public String getTierCategory() {
        return tierCategory;
    }

    public void setTierCategory(String tierCategory) {
        this.tierCategory = tierCategory == null ? "" : tierCategory;
    }

    public String getTierUrgency() {
        return tierUrgency;
    }

    public void setTierUrgency(String tierUrgency) {
        this.tierUrgency = tierUrgency == null ? "" : tierUrgency;
    }

    public String getTierDays() {
        return tierDays;
    }

    public void setTierDays(String tierDays) {
        this.tierDays = tierDays == null ? "" : tierDays;
    }

    public String getCalendarYear() {
        return calendarYear;
    }

    public void setCalendarYear(String calendarYear) {
        this.calendarYear = calendarYear == null ? "" : calendarYear;
    }

    public String getHolidays() {
        return holidays;
    }

    public void setHolidays(String holidays) {
        this.holidays = holidays == null ? "" : holidays;
    }

    public String getHolidaysAsLoaded() {
        return holidaysAsLoaded;
    }

    public void setHolidaysAsLoaded(String holidaysAsLoaded) {
        this.holidaysAsLoaded = holidaysAsLoaded == null ? "" : holidaysAsLoaded;
    }

    public String getMakeUpDays() {
        return makeUpDays;
    }

    public void setMakeUpDays(String makeUpDays) {
        this.makeUpDays = makeUpDays == null ? "" : makeUpDays;
    }

    public String getMakeUpDaysAsLoaded() {
        return makeUpDaysAsLoaded;
    }

    public void setMakeUpDaysAsLoaded(String makeUpDaysAsLoaded) {
        this.makeUpDaysAsLoaded = makeUpDaysAsLoaded == null ? "" : makeUpDaysAsLoaded;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey;
    }
}
