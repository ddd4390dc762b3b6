package vn.congvan.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;

/** Opening an account (Thêm tài khoản). */
@StrongPassword
public class AccountForm implements ChosenPassword {

    @NotBlank(message = "{account.field.required}")
    @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{account.username.format}")
    private String username;

    @NotBlank(message = "{account.field.required}")
    @Size(max = 255, message = "{account.field.tooLong}")
    private String displayName;

    @Email(message = "{account.email.format}")
    @Size(max = 255, message = "{account.field.tooLong}")
    private String email;

    private Long unitId;

    @NotEmpty(message = "{account.roles.required}")
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private String password;

    NewAccount toNewAccount() {
        return new NewAccount(username, displayName, email, unitId, roles, password);
    }

    @Override
    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles;
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
        return "AccountForm[" + username + "]";
    }
}
