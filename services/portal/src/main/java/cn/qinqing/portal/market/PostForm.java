package cn.qinqing.portal.market;

import java.math.BigDecimal;
import java.util.UUID;

/** The post form of an enterprise's market page; the projects service checks every field. */
public class PostForm {

    private String kind = "NEED";
    private String needType = "";
    private String product = "";
    private String chainLink = "";
    private BigDecimal amount;
    private String unit = "";
    private String deliveryTerms = "";
    private String description = "";
    private String key = UUID.randomUUID().toString();

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getNeedType() {
        return needType;
    }

    public void setNeedType(String needType) {
        this.needType = needType;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public String getChainLink() {
        return chainLink;
    }

    public void setChainLink(String chainLink) {
        this.chainLink = chainLink;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getDeliveryTerms() {
        return deliveryTerms;
    }

    public void setDeliveryTerms(String deliveryTerms) {
        this.deliveryTerms = deliveryTerms;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
