package cn.qinqing.projects.market.web;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.market.MatchOutcome;
import cn.qinqing.language.market.NeedType;
import cn.qinqing.language.market.PostKind;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.platform.validation.PlainText;
import cn.qinqing.platform.validation.Uscc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/** The bodies the market API accepts. Every field is checked here; what depends on a post or match, by it. */
final class Requests {

    private Requests() {}

    /**
     * @param enterpriseId optional: when given, it must be the caller's own enterprise (the token's)
     * @param needType for a need: SUPPLY, BUYER, LOGISTICS or PARTNER; absent for an offer
     * @param quantity an offer's capacity or a need's quantity
     */
    record DraftPost(
            @Uscc String enterpriseId,
            @NotNull PostKind kind,
            NeedType needType,
            @NotBlank @Size(max = 200) @PlainText String product,
            @NotNull ChainLink chainLink,
            @NotNull @Valid Quantity quantity,
            @Size(max = 500) @PlainText String deliveryTerms,
            @Size(max = 5000) @PlainText(multiline = true) String description) {}

    record Quantity(
            @NotNull
                    @DecimalMin(value = "0", inclusive = false, message = "must be more than zero")
                    @Digits(integer = 16, fraction = 3)
                    BigDecimal amount,
            @NotNull CapacityUnit unit) {}

    record ClosePost(@Size(max = 500) @PlainText String reason) {}

    record ReferNeed(@Size(max = 2000) @PlainText(multiline = true) String description) {}

    /** Why the enterprise does not want to be introduced: the broker reads it, the other side never does. */
    record DeclineMatch(@NotBlank @Size(max = 500) @PlainText String reason) {}

    record ProposeMatch(@NotNull UUID needPostId, @NotNull UUID offerPostId) {}

    /**
     * @param amountCny for CONTRACT_SIGNED: the contract's amount in yuan, more than zero
     * @param reason for NO_DEAL: why
     */
    record RecordOutcome(
            @NotNull MatchOutcome outcome,
            @Digits(integer = 16, fraction = 2) BigDecimal amountCny,
            @Size(max = 2000) @PlainText(multiline = true) String reason) {}
}
