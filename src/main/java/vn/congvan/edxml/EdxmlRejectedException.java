package vn.congvan.edxml;

/**
 * An edXML message the portal refuses (malformed XML, a DTD or entity, a missing required part, a bad file): the
 * message key says why in the clerk's language, the argument names the part at fault.
 */
public class EdxmlRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    private final String part;

    EdxmlRejectedException(String messageKey, String part) {
        super(messageKey + (part == null ? "" : " (" + part + ")"));
        this.messageKey = messageKey;
        this.part = part;
    }

    EdxmlRejectedException(String messageKey, String part, Throwable cause) {
        this(messageKey, part);
        initCause(cause);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return new Object[] {part == null ? "" : part};
    }
}
