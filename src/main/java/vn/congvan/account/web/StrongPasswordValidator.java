package vn.congvan.account.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import vn.congvan.account.PasswordPolicy;

public class StrongPasswordValidator implements ConstraintValidator<StrongPassword, ChosenPassword> {

    @Override
    public boolean isValid(ChosenPassword form, ConstraintValidatorContext context) {
        if (form == null) {
            return true;
        }
        List<String> violations = PasswordPolicy.violations(form.getUsername(), form.getPassword());
        if (violations.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (String violation : violations) {
            context.buildConstraintViolationWithTemplate("{" + violation + "}")
                    .addPropertyNode("password")
                    .addConstraintViolation();
        }
        return false;
    }
}
