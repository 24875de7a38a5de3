package cn.qinqing.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Unified Social Credit Code that passes GB 32100-2015, its check character included; the message says why not. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UsccValidator.class)
public @interface Uscc {
    String message() default "is not a valid Unified Social Credit Code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
