package vn.congvan.backup;

/** A restore would overwrite a database or file store that is in use; refused unless forced. */
class TargetNotEmptyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TargetNotEmptyException(String message) {
        super(message);
    }
}
