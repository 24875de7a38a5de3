package cn.qinqing.language.resolution;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An administrator set the time limits (办理时限) of one SLA tier: appeals of a category and urgency whose case begins
 * on or after {@code effectiveFrom} (Beijing time), and not before this event was recorded, count with them. A case
 * that began earlier keeps the due dates it has (ADR 0016). The resolution service counts first contact and the
 * answer from the sign-for; the assignment service dispatch and sign-for from the filing.
 *
 * @param tierId {@code Ids.derive("sla-tier", category + "/" + urgency)}
 * @param firstContactDays working days to first contact with the enterprise
 * @param resolutionDays working days to the answer, never fewer than {@code firstContactDays}
 * @param dispatchHours hours (wall-clock) an appeal may wait in the dispatcher's queue (派单时限); null: the assignment
 *     service's default
 * @param signForDays working days a department has to sign for the appeal (签收时限); null: the assignment service's
 *     default
 * @param basis why, or the official document it comes from (依据)
 */
@Revision("1")
public record SlaTierSetEvent(
        UUID tierId,
        AppealCategory category,
        Urgency urgency,
        int firstContactDays,
        int resolutionDays,
        Integer dispatchHours,
        Integer signForDays,
        LocalDate effectiveFrom,
        String basis,
        String setBy,
        Instant setAt) {}
