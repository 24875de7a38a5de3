package cn.qinqing.appeals.appeal.web;

import cn.qinqing.platform.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

record SupplementRequest(
        @NotBlank @Size(max = 5000) @PlainText(multiline = true) String text,
        @Size(max = 10) List<@Valid @NotNull AttachmentRequest> attachments) {}
