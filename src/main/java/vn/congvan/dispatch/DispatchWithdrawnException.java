package vn.congvan.dispatch;

/**
 * A dispatch its reader could open was withdrawn: answered 410 Gone with the notice (date, reason, the replacing
 * document where there is one), never its text or files. Thrown only to someone who was allowed to see it before the
 * withdrawal; anyone else still gets 404.
 */
public class DispatchWithdrawnException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient DispatchNotice notice;

    public DispatchWithdrawnException(DispatchNotice notice) {
        super("Dispatch " + notice.dispatchId() + " was withdrawn");
        this.notice = notice;
    }

    public DispatchNotice notice() {
        return notice;
    }
}
