package vn.congvan.dispatch;

import java.time.LocalDate;

/** A Party document cannot be numbered: no Party-committee term covers its date for its issuer. */
class NoPartyTermException extends DispatchRuleException {

    public NoPartyTermException(Long issuerUnitId, LocalDate on) {
        super("dispatch.error.noTerm", "No Party-committee term covers " + on + " for unit " + issuerUnitId);
    }
}
