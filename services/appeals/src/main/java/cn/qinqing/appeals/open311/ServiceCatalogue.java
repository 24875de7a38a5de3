package cn.qinqing.appeals.open311;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GeoReport's services are Qinqing's appeal categories: the service code is the category's name ({@code POWER}), and
 * every service takes the same two attributes besides GeoReport's own {@code description}: the appeal's title and
 * its urgency.
 */
final class ServiceCatalogue {

    static final String TITLE = "TITLE";
    static final String URGENCY = "URGENCY";
    static final String GROUP = "企业诉求 Enterprise appeals";

    private static final Map<AppealCategory, String[]> NAMES = names();
    private static final Map<Urgency, String> URGENCIES =
            Map.of(Urgency.NORMAL, "一般 Normal", Urgency.URGENT, "紧急 Urgent", Urgency.EMERGENCY, "特急 Emergency");

    private ServiceCatalogue() {}

    private static Map<AppealCategory, String[]> names() {
        Map<AppealCategory, String[]> names = new LinkedHashMap<>();
        names.put(AppealCategory.PERMITS, new String[] {"审批许可", "Permits, licences and approvals", "审批,许可,permit"});
        names.put(AppealCategory.LAND, new String[] {"用地", "Land use and planning", "用地,规划,land"});
        names.put(AppealCategory.POWER, new String[] {"用电用能", "Power and energy supply", "用电,用能,power,energy"});
        names.put(AppealCategory.FINANCE, new String[] {"融资", "Finance and credit", "融资,信贷,finance"});
        names.put(AppealCategory.TALENT, new String[] {"人才用工", "Talent and labour", "人才,用工,talent,labour"});
        names.put(AppealCategory.LOGISTICS, new String[] {"物流", "Logistics and transport", "物流,运输,logistics"});
        names.put(
                AppealCategory.MARKETS_AND_ORDERS,
                new String[] {"找市场找订单", "Finding markets and orders", "市场,订单,markets,orders"});
        names.put(AppealCategory.OTHER, new String[] {"其他", "Other", "其他,other"});
        return names;
    }

    /** The category a service code names, if any. */
    static Optional<AppealCategory> category(String code) {
        return Arrays.stream(AppealCategory.values())
                .filter(category -> category.name().equals(code))
                .findFirst();
    }

    static String name(AppealCategory category) {
        return NAMES.get(category)[0];
    }

    /** GET services: one entry per category, in the order of the published language. */
    static List<Map<String, Object>> services() {
        return Arrays.stream(AppealCategory.values())
                .map(ServiceCatalogue::service)
                .toList();
    }

    private static Map<String, Object> service(AppealCategory category) {
        String[] names = NAMES.get(category);
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", category.name());
        service.put("service_name", names[0]);
        service.put("description", names[1] + " (" + names[0] + ")");
        service.put("metadata", true);
        service.put("type", "realtime");
        service.put("keywords", names[2]);
        service.put("group", GROUP);
        return service;
    }

    /** GET services/{code}: the attributes every appeal needs besides GeoReport's description. */
    static Map<String, Object> definition(AppealCategory category) {
        Map<String, Object> title = new LinkedHashMap<>();
        title.put("variable", true);
        title.put("code", TITLE);
        title.put("datatype", "string");
        title.put("required", true);
        title.put("datatype_description", "1–200 characters of plain text, one line");
        title.put("order", 1);
        title.put("description", "诉求标题 The appeal's title");
        Map<String, Object> urgency = new LinkedHashMap<>();
        urgency.put("variable", true);
        urgency.put("code", URGENCY);
        urgency.put("datatype", "singlevaluelist");
        urgency.put("required", true);
        urgency.put("datatype_description", "one of the keys below");
        urgency.put("order", 2);
        urgency.put("description", "紧急程度 How urgent the appeal is");
        urgency.put("values", List.of(value(Urgency.NORMAL), value(Urgency.URGENT), value(Urgency.EMERGENCY)));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.name());
        definition.put("attributes", List.of(title, urgency));
        return definition;
    }

    private static Map<String, Object> value(Urgency urgency) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("key", urgency.name());
        value.put("name", URGENCIES.get(urgency));
        return value;
    }
}
