package vn.congvan.account;

/** The change would leave no enabled administrator, and with it nobody able to manage accounts. */
public class LastAdministratorException extends RuntimeException {

    public LastAdministratorException() {
        super("The last enabled administrator must stay an enabled administrator");
    }
}
