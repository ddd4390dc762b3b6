package vn.congvan.dispatch;

/**
 * A request that breaks a rule of the dispatch workflow. {@link #messageKey()} names the Vietnamese message the
 * page shows; the exception's own message is for logs.
 */
public class DispatchRuleException extends RuntimeException {

    private final String messageKey;

    private final transient Object[] arguments;

    public DispatchRuleException(String messageKey, String logMessage, Object... arguments) {
        super(logMessage);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
