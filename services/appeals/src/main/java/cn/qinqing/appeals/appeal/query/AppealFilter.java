package cn.qinqing.appeals.appeal.query;

import cn.qinqing.language.AppealCategory;
import java.time.Instant;

/**
 * Which appeals a list shows. The scope fields come from the caller's token, never from the request.
 *
 * @param enterpriseId only this enterprise's appeals (for enterprise users)
 * @param department only appeals this department holds (for officials)
 */
public record AppealFilter(
        String enterpriseId,
        String department,
        String status,
        AppealCategory category,
        Instant filedFrom,
        Instant filedTo) {}
