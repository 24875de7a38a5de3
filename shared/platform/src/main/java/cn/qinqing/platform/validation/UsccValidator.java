package cn.qinqing.platform.validation;

import cn.qinqing.language.UnifiedSocialCreditCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class UsccValidator implements ConstraintValidator<Uscc, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = UnifiedSocialCreditCode.problemWith(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("is not a valid Unified Social Credit Code: " + problem)
                .addConstraintViolation();
        return false;
    }
}
