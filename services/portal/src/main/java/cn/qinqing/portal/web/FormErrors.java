package cn.qinqing.portal.web;

import cn.qinqing.portal.service.ApiProblem;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.BindingResult;

/**
 * Puts a refused request's field errors next to the form's fields: {@code errors[].field} of the problem detail,
 * mapped to the form's field name, with the message in the user's language. Errors of fields the form does not have,
 * and a refusal without field errors, go to the top of the form.
 */
public final class FormErrors {

    private FormErrors() {}

    /**
     * @param fields API field name → form field name, for the names that differ ({@code contact.phone} →
     *     {@code contactPhone})
     */
    public static void apply(ApiProblem problem, BindingResult binding, Map<String, String> fields) {
        apply(problem, binding, (UnaryOperator<String>) name -> fields.getOrDefault(name, name));
    }

    /**
     * @param fields API field name → form field name, for forms whose names follow a pattern (a list's
     *     {@code items[0].startsAt} → {@code items[2].startTime})
     */
    public static void apply(ApiProblem problem, BindingResult binding, UnaryOperator<String> fields) {
        if (problem.errors().isEmpty()) {
            reject(binding, ProblemMessages.problem(problem));
            return;
        }
        for (ApiProblem.FieldProblem error : problem.errors()) {
            MessageSourceResolvable message = ProblemMessages.field(error);
            String field = fields.apply(error.field());
            if (!field.isEmpty() && binding.getTarget() != null && isProperty(binding, field)) {
                binding.rejectValue(field, message.getCodes()[0], message.getArguments(), message.getDefaultMessage());
            } else {
                reject(binding, message);
            }
        }
    }

    public static void apply(ApiProblem problem, BindingResult binding) {
        apply(problem, binding, Map.of());
    }

    private static void reject(BindingResult binding, MessageSourceResolvable message) {
        binding.reject(message.getCodes()[0], message.getArguments(), message.getDefaultMessage());
    }

    private static boolean isProperty(BindingResult binding, String field) {
        try {
            binding.getFieldType(field);
            return binding.getFieldType(field) != null;
        } catch (RuntimeException notAProperty) {
            return false;
        }
    }
}
