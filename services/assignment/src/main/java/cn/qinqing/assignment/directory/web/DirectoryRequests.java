package cn.qinqing.assignment.directory.web;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.directory.LeaderRank;
import cn.qinqing.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the directory's writes. */
final class DirectoryRequests {

    static final String DEPARTMENT_ID = "[a-z0-9][a-z0-9-]{0,63}";
    static final String DEPARTMENT_ID_MESSAGE = "must be a slug such as industry-it (a-z, 0-9, -)";
    static final String PERSON_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String PERSON_ID_MESSAGE = "must be a user name (letters, digits, . _ -)";

    private DirectoryRequests() {}

    record NewDepartment(
            @NotBlank @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String departmentId,
            @NotBlank @Size(max = 200) @PlainText String name,
            @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String parentDepartmentId) {}

    record DepartmentChange(
            @NotBlank @Size(max = 200) @PlainText String name,
            @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String parentDepartmentId) {}

    record NewLeader(
            @NotBlank @Pattern(regexp = PERSON_ID, message = PERSON_ID_MESSAGE) String leaderId,
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotBlank @Size(max = 100) @PlainText String title,
            @NotNull LeaderRank rank,
            @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String departmentId,
            @Pattern(regexp = PERSON_ID, message = PERSON_ID_MESSAGE) String superiorLeaderId) {}

    record LeaderChange(
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotBlank @Size(max = 100) @PlainText String title,
            @NotNull LeaderRank rank,
            @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String departmentId,
            @Pattern(regexp = PERSON_ID, message = PERSON_ID_MESSAGE) String superiorLeaderId) {}

    record NewOfficial(
            @NotBlank @Pattern(regexp = PERSON_ID, message = PERSON_ID_MESSAGE) String officialId,
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotBlank @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String departmentId) {}

    record OfficialChange(
            @NotBlank @Size(max = 100) @PlainText String name,
            @NotBlank @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String departmentId) {}

    record Liaison(
            @Pattern(regexp = PERSON_ID, message = PERSON_ID_MESSAGE) String liaisonLeaderId,
            @NotNull Boolean keyEnterprise) {}

    /** A rule without a category is the default rule. */
    record Rule(
            AppealCategory category,
            IndustryChainPosition chainPosition,
            @Size(min = 1, max = 100) @PlainText String district,
            @NotBlank @Pattern(regexp = DEPARTMENT_ID, message = DEPARTMENT_ID_MESSAGE) String departmentId) {}
}
