package cn.qinqing.projects.market.query;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.market.ScorePart;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchScoringTest {

    static PostView post(String kind, String product, ChainLink link, String amount, String unit) {
        return new PostView(
                UUID.randomUUID(),
                "91150200MA0QA0001T",
                null,
                null,
                kind,
                null,
                product,
                link,
                new BigDecimal(amount),
                unit,
                null,
                null,
                "PUBLISHED",
                null,
                null,
                null,
                null,
                null,
                null,
                1);
    }

    @Test
    void theDemoNeedAndOfferScoreAsTheDemoExplainsThem() {
        PostView need = post("NEED", "N型致密料多晶硅 (N-type dense polysilicon)", ChainLink.POLYSILICON, "3000", "TONNES");
        PostView offer = post(
                "OFFER",
                "高纯多晶硅 N型致密料 (high-purity N-type dense polysilicon)",
                ChainLink.POLYSILICON,
                "40000",
                "TONNES");

        List<ScorePart> parts = MatchScoring.explain(need, offer);

        assertThat(parts)
                .containsExactly(
                        new ScorePart("CHAIN_LINK", 50, "same link: POLYSILICON"),
                        new ScorePart(
                                "PRODUCT",
                                27,
                                "product words in common: 型致 致密 密料 多晶 晶硅 type dense polysilicon (8 of 9)"),
                        new ScorePart("QUANTITY", 20, "capacity 40000 TONNES covers 3000 TONNES"));
        assertThat(MatchScoring.score(parts)).isEqualTo(97);
    }

    @Test
    void neighbouringLinksScoreLessAndAPartialCapacityAShare() {
        PostView need = post("NEED", "单晶硅棒", ChainLink.MONOCRYSTALLINE, "1000", "TONNES");
        PostView offer = post("OFFER", "多晶硅", ChainLink.POLYSILICON, "250", "TONNES");

        List<ScorePart> parts = MatchScoring.explain(need, offer);

        assertThat(parts.get(0).points()).isEqualTo(20);
        assertThat(parts.get(1).points()).as("晶硅 of 晶硅/多晶").isEqualTo(15);
        assertThat(parts.get(2)).isEqualTo(new ScorePart("QUANTITY", 5, "capacity 250 covers 25% of 1000 TONNES"));
    }

    @Test
    void differentUnitsGiveNoQuantityPoints() {
        PostView need = post("NEED", "cells", ChainLink.CELL, "5", "GW");
        PostView offer = post("OFFER", "cells", ChainLink.CELL, "5", "MILLION_PIECES");

        assertThat(MatchScoring.explain(need, offer).get(2).points()).isZero();
    }
}
