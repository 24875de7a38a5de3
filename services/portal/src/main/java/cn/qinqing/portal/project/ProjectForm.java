package cn.qinqing.portal.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form that puts a key project on the city's list: what it is, who invests, its link of the chain, investment
 * (in 亿元, as the city reports it) and capacity, its site, the leader and department answerable, the signing and the
 * planned day of each milestone after it. The projects API checks every field; its refusals come back next to the
 * fields they name ({@link #FIELDS}).
 */
public class ProjectForm {

    /** The planned milestones after the signing, in order: the form's field for each, as the API lists them. */
    static final List<String> MILESTONE_FIELDS =
            List.of("landAndPermits", "constructionStarted", "equipmentInstalled", "trialProduction", "commissioned");

    static final List<String> MILESTONES = List.of(
            "LAND_AND_PERMITS", "CONSTRUCTION_STARTED", "EQUIPMENT_INSTALLED", "TRIAL_PRODUCTION", "COMMISSIONED");

    /** The API's field names → the form's. */
    static final UnaryOperator<String> FIELDS = name -> {
        if (name.startsWith("milestones[")) {
            int index = Integer.parseInt(name.substring("milestones[".length(), name.indexOf(']')));
            return index < MILESTONE_FIELDS.size() ? MILESTONE_FIELDS.get(index) : "";
        }
        if (name.startsWith("enterpriseIds")) {
            return "enterpriseIds";
        }
        return switch (name) {
            case "capacity.amount", "capacity" -> "capacityAmount";
            case "capacity.unit" -> "capacityUnit";
            case "investmentCny" -> "investmentYi";
            case "milestones" -> MILESTONE_FIELDS.get(0);
            default -> name;
        };
    };

    private String name = "";
    private String enterpriseIds = "";
    private String chainLink = "";
    private BigDecimal investmentYi;
    private BigDecimal capacityAmount;
    private String capacityUnit = "";
    private String site = "";
    private String leaderId = "";
    private String departmentId = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate landAndPermits;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate constructionStarted;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate equipmentInstalled;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate trialProduction;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate commissioned;

    private String key = UUID.randomUUID().toString();

    /** The request body of {@code POST /api/projects}. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put(
                "enterpriseIds",
                Arrays.stream(enterpriseIds.split("[,，;；\\s]+"))
                        .map(String::trim)
                        .filter(id -> !id.isEmpty())
                        .map(id -> id.toUpperCase(Locale.ROOT))
                        .toList());
        body.put("chainLink", blankToNull(chainLink));
        body.put("investmentCny", investmentYi == null ? null : investmentYi.movePointRight(8));
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("amount", capacityAmount);
        capacity.put("unit", blankToNull(capacityUnit));
        body.put("capacity", capacity);
        body.put("site", site);
        body.put("leaderId", leaderId);
        body.put("departmentId", departmentId);
        body.put("signedOn", signedOn);
        List<LocalDate> planned =
                Arrays.asList(landAndPermits, constructionStarted, equipmentInstalled, trialProduction, commissioned);
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (int i = 0; i < MILESTONES.size(); i++) {
            Map<String, Object> milestone = new LinkedHashMap<>();
            milestone.put("milestone", MILESTONES.get(i));
            milestone.put("plannedOn", planned.get(i));
            milestones.add(milestone);
        }
        body.put("milestones", milestones);
        return body;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEnterpriseIds() {
        return enterpriseIds;
    }

    public void setEnterpriseIds(String enterpriseIds) {
        this.enterpriseIds = enterpriseIds;
    }

    public String getChainLink() {
        return chainLink;
    }

    public void setChainLink(String chainLink) {
        this.chainLink = chainLink;
    }

    public BigDecimal getInvestmentYi() {
        return investmentYi;
    }

    public void setInvestmentYi(BigDecimal investmentYi) {
        this.investmentYi = investmentYi;
    }

    public BigDecimal getCapacityAmount() {
        return capacityAmount;
    }

    public void setCapacityAmount(BigDecimal capacityAmount) {
        this.capacityAmount = capacityAmount;
    }

    public String getCapacityUnit() {
        return capacityUnit;
    }

    public void setCapacityUnit(String capacityUnit) {
        this.capacityUnit = capacityUnit;
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public String getLeaderId() {
        return leaderId;
    }

    public void setLeaderId(String leaderId) {
        this.leaderId = leaderId;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(String departmentId) {
        this.departmentId = departmentId;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
    }

    public LocalDate getLandAndPermits() {
        return landAndPermits;
    }

    public void setLandAndPermits(LocalDate landAndPermits) {
        this.landAndPermits = landAndPermits;
    }

    public LocalDate getConstructionStarted() {
        return constructionStarted;
    }

    public void setConstructionStarted(LocalDate constructionStarted) {
        this.constructionStarted = constructionStarted;
    }

    public LocalDate getEquipmentInstalled() {
        return equipmentInstalled;
    }

    public void setEquipmentInstalled(LocalDate equipmentInstalled) {
        this.equipmentInstalled = equipmentInstalled;
    }

    public LocalDate getTrialProduction() {
        return trialProduction;
    }

    public void setTrialProduction(LocalDate trialProduction) {
        this.trialProduction = trialProduction;
    }

    public LocalDate getCommissioned() {
        return commissioned;
    }

    public void setCommissioned(LocalDate commissioned) {
        this.commissioned = commissioned;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
