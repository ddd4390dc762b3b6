package vn.congvan.account;

/** A token just made: {@code secret} is shown to its owner this once and kept nowhere (only its hash is stored). */
public record NewToken(String secret, TokenSummary token) {

    @Override
    public String toString() {
        return "NewToken[" + token + "]";
    }
}
