package cn.qinqing.projects.market.query;

import cn.qinqing.language.market.ScorePart;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How well an offer serves a need, out of 100, in three parts a broker can check by hand:
 *
 * <ul>
 *   <li>{@code CHAIN_LINK} (50): the same link 50; neighbouring links (one supplies the other) 20; else 0.
 *   <li>{@code PRODUCT} (30): the words the two products share — Latin words and, for Chinese, pairs of characters —
 *       over the words of the shorter product, times 30.
 *   <li>{@code QUANTITY} (20): in the same unit, 20 when the offer's capacity covers the need's quantity, else the
 *       share it covers times 20; in different units 0.
 * </ul>
 */
public final class MatchScoring {

    public static final String CHAIN_LINK = "CHAIN_LINK";
    public static final String PRODUCT = "PRODUCT";
    public static final String QUANTITY = "QUANTITY";

    private MatchScoring() {}

    public static List<ScorePart> explain(PostView need, PostView offer) {
        List<ScorePart> parts = new ArrayList<>();
        int distance = Math.abs(need.chainLink().ordinal() - offer.chainLink().ordinal());
        if (distance == 0) {
            parts.add(new ScorePart(CHAIN_LINK, 50, "same link: " + need.chainLink()));
        } else if (distance == 1) {
            parts.add(new ScorePart(
                    CHAIN_LINK, 20, "neighbouring links: need " + need.chainLink() + ", offer " + offer.chainLink()));
        } else {
            parts.add(new ScorePart(
                    CHAIN_LINK, 0, "links apart: need " + need.chainLink() + ", offer " + offer.chainLink()));
        }
        Set<String> needWords = words(need.product());
        Set<String> offerWords = words(offer.product());
        Set<String> common = new LinkedHashSet<>(needWords);
        common.retainAll(offerWords);
        int shorter = Math.min(needWords.size(), offerWords.size());
        int productPoints = shorter == 0 ? 0 : (int) Math.round(30.0 * common.size() / shorter);
        parts.add(new ScorePart(
                PRODUCT,
                productPoints,
                common.isEmpty()
                        ? "no product words in common"
                        : "product words in common: " + String.join(" ", common) + " (" + common.size() + " of "
                                + shorter + ")"));
        if (!need.quantityUnit().equals(offer.quantityUnit())) {
            parts.add(new ScorePart(
                    QUANTITY, 0, "units differ: need " + need.quantityUnit() + ", offer " + offer.quantityUnit()));
        } else if (offer.quantityAmount().compareTo(need.quantityAmount()) >= 0) {
            parts.add(new ScorePart(
                    QUANTITY,
                    20,
                    "capacity " + plain(offer.quantityAmount()) + " " + offer.quantityUnit() + " covers "
                            + plain(need.quantityAmount()) + " " + need.quantityUnit()));
        } else {
            BigDecimal share = offer.quantityAmount().divide(need.quantityAmount(), 4, RoundingMode.HALF_UP);
            int points = share.multiply(BigDecimal.valueOf(20))
                    .setScale(0, RoundingMode.HALF_UP)
                    .intValue();
            parts.add(new ScorePart(
                    QUANTITY,
                    points,
                    "capacity " + plain(offer.quantityAmount()) + " covers "
                            + share.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + "% of "
                            + plain(need.quantityAmount()) + " " + need.quantityUnit()));
        }
        return parts;
    }

    public static int score(List<ScorePart> parts) {
        return parts.stream().mapToInt(ScorePart::points).sum();
    }

    /** Latin words of two letters or more, lower-cased, and every pair of neighbouring Chinese characters. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        StringBuilder latin = new StringBuilder();
        StringBuilder han = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean isHan = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (Character.isLetterOrDigit(c) && !isHan) {
                latin.append(Character.toLowerCase(c));
            } else if (latin.length() > 0) {
                if (latin.length() >= 2) {
                    words.add(latin.toString().toLowerCase(Locale.ROOT));
                }
                latin.setLength(0);
            }
            if (isHan) {
                han.append(c);
            } else if (han.length() > 0) {
                addPairs(han, words);
                han.setLength(0);
            }
        }
        return words;
    }

    private static void addPairs(StringBuilder han, Set<String> words) {
        if (han.length() == 1) {
            words.add(han.toString());
        }
        for (int i = 0; i + 1 < han.length(); i++) {
            words.add(han.substring(i, i + 2));
        }
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
