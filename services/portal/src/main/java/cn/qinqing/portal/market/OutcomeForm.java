package cn.qinqing.portal.market;

import java.math.BigDecimal;

/** The broker's outcome form for one match; the projects service checks every field. */
public class OutcomeForm {

    private String outcome = "";
    private BigDecimal amountCny;
    private String reason = "";

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public BigDecimal getAmountCny() {
        return amountCny;
    }

    public void setAmountCny(BigDecimal amountCny) {
        this.amountCny = amountCny;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
