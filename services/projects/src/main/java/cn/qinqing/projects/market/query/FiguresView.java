package cn.qinqing.projects.market.query;

import cn.qinqing.language.ChainLink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The market's figures as of a day (docs/kpis.md): matches proposed, introduced and signed per chain link and month
 * (Asia/Shanghai), the contract value brokered, and each link's local supporting rate.
 */
public record FiguresView(
        LocalDate asOf,
        List<LinkMonth> months,
        List<LinkSupport> links,
        long proposed,
        long introduced,
        long signed,
        BigDecimal contractValueCny) {

    /** @param month {@code 2026-11} */
    public record LinkMonth(
            ChainLink chainLink,
            String month,
            long proposed,
            long introduced,
            long signed,
            BigDecimal contractValueCny) {}

    /**
     * @param needs needs published on the link by the day
     * @param needsMet of them, those a local enterprise met (a match that ended MET or CONTRACT_SIGNED)
     * @param localSupportingRate needsMet / needs in percent, one decimal; null without needs
     */
    public record LinkSupport(
            ChainLink chainLink,
            long needs,
            long needsMet,
            BigDecimal localSupportingRate,
            BigDecimal contractValueCny,
            long referredToMeetings) {}
}
