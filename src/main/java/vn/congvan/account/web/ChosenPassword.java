package vn.congvan.account.web;

/** A form in which someone chooses a password for an account: the policy needs both. */
public interface ChosenPassword {

    String getUsername();

    String getPassword();
}
