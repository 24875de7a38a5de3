package cn.qinqing.appeals.appeal.web;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.platform.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

record FileAppealRequest(
        @NotBlank @Size(max = 200) @PlainText String title,
        @NotBlank @Size(max = 5000) @PlainText(multiline = true) String description,
        @NotNull AppealCategory category,
        @NotNull Urgency urgency,
        @Size(max = 10) List<@Valid @NotNull AttachmentRequest> attachments,
        Boolean manualDispatch) {}
