package vn.congvan.organization.web;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;
import vn.congvan.organization.OrganizationRuleException;

/** Turns refusals of the service into errors on the form that was submitted. */
final class FormErrors {

    static final String CONFLICT = "organization.conflict";

    private FormErrors() {}

    static void reject(BindingResult result, OrganizationRuleException ex) {
        if (ex.field() != null) {
            try {
                result.rejectValue(ex.field(), ex.messageKey());
                return;
            } catch (NotReadablePropertyException notOnThisForm) {
                // the rule belongs to a field this form does not show: report it for the whole form
            }
        }
        result.reject(ex.messageKey());
    }

    /** Someone else saved the same unit or group after this form was opened. */
    static void conflict(BindingResult result) {
        result.reject(CONFLICT);
    }
}
