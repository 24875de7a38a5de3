package cn.qinqing.appeals.open311;

import cn.qinqing.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a GeoReport POST carries into an appeal, checked with the same rules as the appeals API's filing; the record
 * components are named by the GeoReport parameter each comes from, for the error descriptions.
 */
record Open311Filing(
        @NotBlank(message = "is required") @Size(max = 200) @PlainText String title,
        @NotBlank(message = "is required") @Size(max = 4000) @PlainText(multiline = true) String description) {

    /** The GeoReport parameter a component was read from. */
    static String parameter(String component) {
        return switch (component) {
            case "title" -> "attribute[" + ServiceCatalogue.TITLE + "]";
            default -> component;
        };
    }
}
