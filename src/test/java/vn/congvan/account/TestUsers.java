package vn.congvan.account;

import java.util.Set;
import vn.congvan.organization.OrganizationDirectory;

/** Signed-in people for tests, tied to units of the demo tree by code. */
public final class TestUsers {

    private final OrganizationDirectory organization;

    public TestUsers(OrganizationDirectory organization) {
        this.organization = organization;
    }

    public CurrentUser member(String unitCode) {
        return user("member-" + unitCode, unitCode, Role.MEMBER);
    }

    public CurrentUser clerk(String unitCode) {
        return user("clerk-" + unitCode, unitCode, Role.CLERK);
    }

    public CurrentUser admin() {
        return new CurrentUser(null, "test-admin", "{noop}unused", "Quản trị viên", null, Set.of(Role.ADMIN), true);
    }

    private CurrentUser user(String username, String unitCode, Role role) {
        Long unitId = organization.unitByCode(unitCode).orElseThrow().id();
        return new CurrentUser(null, username.toLowerCase(), "{noop}unused", username, unitId, Set.of(role), true);
    }
}
