package cn.qinqing.language.market;

/** How a brokered match ended: the enterprises met, signed a contract (with its amount), or made no deal (and why). */
public enum MatchOutcome {
    MET,
    CONTRACT_SIGNED,
    NO_DEAL
}
