package vn.congvan.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import vn.congvan.account.AccountSummary;
import vn.congvan.account.AccountUpdate;
import vn.congvan.account.Role;

/** Editing an account (Sửa tài khoản): everything but the username and the password. */
public class AccountEditForm {

    private long version;

    @NotBlank(message = "{account.field.required}")
    @Size(max = 255, message = "{account.field.tooLong}")
    private String displayName;

    @Email(message = "{account.email.format}")
    @Size(max = 255, message = "{account.field.tooLong}")
    private String email;

    private Long unitId;

    @NotEmpty(message = "{account.roles.required}")
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private boolean enabled;

    static AccountEditForm of(AccountSummary account) {
        AccountEditForm form = new AccountEditForm();
        form.version = account.version();
        form.displayName = account.displayName();
        form.email = account.email();
        form.unitId = account.unitId();
        form.roles = account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
        form.enabled = account.enabled();
        return form;
    }

    AccountUpdate toUpdate() {
        return new AccountUpdate(version, displayName, email, unitId, roles, enabled);
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
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

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
