package cn.qinqing.platform.domain;

/**
 * A command was refused because of the state its aggregate is in (an answered appeal cannot be withdrawn). Answered
 * as 409 Conflict with the code and the reason; nothing was changed.
 */
public class RuleViolation extends RuntimeException {

    private final String code;

    public RuleViolation(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
