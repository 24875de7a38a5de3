package cn.qinqing.appeals.appeal.web;

import cn.qinqing.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record WithdrawalRequest(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {}
