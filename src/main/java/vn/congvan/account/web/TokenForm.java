package vn.congvan.account.web;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import vn.congvan.account.TokenScope;

/**
 * A new personal access token: a name to tell it apart, its scope and, if it should end, the last day it works; and
 * the form's own random id, drawn when the form is shown, so that posting the same form twice makes one token.
 */
public class TokenForm {

    @NotNull
    private UUID request = UUID.randomUUID();

    @NotBlank
    @Size(max = 100)
    private String name;

    @NotNull
    private TokenScope scope = TokenScope.READ;

    @Future
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate expiresOn;

    public UUID getRequest() {
        return request;
    }

    public void setRequest(UUID request) {
        this.request = request;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public TokenScope getScope() {
        return scope;
    }

    public void setScope(TokenScope scope) {
        this.scope = scope;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }
}
