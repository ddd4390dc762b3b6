package vn.congvan.dispatch;

/** The issuer already has a document with this number and symbol in the series. */
class DuplicateNumberException extends DispatchRuleException {

    public DuplicateNumberException(String notation) {
        super("dispatch.error.duplicateNumber", "Number " + notation + " is taken", notation);
    }
}
