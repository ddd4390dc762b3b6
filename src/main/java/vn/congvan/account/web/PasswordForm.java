package vn.congvan.account.web;

/**
 * Resetting an account's password (Đặt lại mật khẩu). The username comes from the account, not from the request:
 * it has no setter, so the binder cannot overwrite it.
 */
@StrongPassword
public class PasswordForm implements ChosenPassword {

    private String username;

    private String password;

    static PasswordForm forAccount(String username) {
        PasswordForm form = new PasswordForm();
        form.username = username;
        return form;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public String toString() {
        return "PasswordForm[" + username + "]";
    }
}
