package cn.qinqing.appeals.enterprise.web;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.platform.validation.PlainText;
import cn.qinqing.platform.validation.Uscc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record RegisterEnterpriseRequest(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotBlank @Uscc String uscc,
        @NotNull IndustryChainPosition chainPosition,
        @NotBlank @Size(max = 100) @PlainText String district,
        @NotNull @Valid ContactRequest contact) {

    record ContactRequest(
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{6,19}", message = "must be a phone number") String phone,
            @Size(max = 200) @Email String email) {}
}
