package vn.congvan.account;

import java.util.Set;
import java.util.UUID;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Test data for accounts: unique usernames and client addresses, so that tests sharing a database stay apart. */
public final class Accounts {

    public static final String DEMO_PASSWORD = "Demo@2023";

    private Accounts() {}

    public static String uniqueUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client address no other test uses (so the per-address lockout of one test cannot touch another). */
    public static String uniqueAddress() {
        UUID random = UUID.randomUUID();
        return "10." + Math.floorMod(random.getMostSignificantBits(), 250) + "."
                + Math.floorMod(random.getLeastSignificantBits(), 250) + "."
                + Math.floorMod(random.getLeastSignificantBits() >> 16, 250);
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A member of the given unit with the demo password. */
    public static NewAccount member(String username, Long unitId) {
        return new NewAccount(username, "Cán bộ " + username, null, unitId, Set.of(Role.MEMBER), DEMO_PASSWORD);
    }
}
