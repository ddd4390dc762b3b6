package vn.congvan.organization;

/**
 * A change to the unit tree or to a group that the rules refuse (a move under the unit's own descendant, a code
 * already taken, a group still named by dispatches). {@link #messageKey()} is a key of
 * {@code messages/organization.properties}; {@link #field()} names the form field it belongs to, or is null.
 */
public class OrganizationRuleException extends RuntimeException {

    private final String field;

    private final String messageKey;

    public OrganizationRuleException(String field, String messageKey) {
        super(messageKey + (field == null ? "" : " (" + field + ")"));
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
