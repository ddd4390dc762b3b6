package vn.congvan.demo;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.congvan.account.AccountManagement;
import vn.congvan.account.NewAccount;
import vn.congvan.account.Role;
import vn.congvan.organization.OrganizationDirectory;

/**
 * Demo accounts, one per role, all with the password {@value #PASSWORD}. Runs after {@link DemoData} (which
 * creates the units); an account that exists is left as it is.
 */
@Component
@ConditionalOnBooleanProperty("congvan.demo.enabled")
@Order(2)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Demo@2023";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountManagement accounts;

    private final OrganizationDirectory organization;

    DemoAccounts(AccountManagement accounts, OrganizationDirectory organization) {
        this.accounts = accounts;
        this.organization = organization;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
        log.info("""

                ==================================================================
                 Tài khoản mẫu (mật khẩu {}): admin (quản trị), vanthu (văn thư BTG Quận ủy; đến 30/6/2025,
                 không ban hành văn bản mới),
                 bennghe, dakao (Đảng ủy phường Bến Nghé, Đa Kao; đến 30/6/2025),
                 vanthutu (văn thư Ban Tuyên giáo và Dân vận Thành ủy),
                 saigon (Đảng ủy phường Sài Gòn, từ 01/7/2025; nhận cả văn bản gửi Bến Nghé)
                   Đăng nhập: /dang-nhap
                ==================================================================""", PASSWORD);
    }

    /** Opens the demo accounts that are missing. */
    public void load() {
        Long board = unitId("QU-Q1.BTG");
        List.of(
                        new NewAccount("admin", "Quản trị viên", null, board, Set.of(Role.ADMIN), PASSWORD),
                        new NewAccount("vanthu", "Văn thư Ban Tuyên giáo", null, board, Set.of(Role.CLERK), PASSWORD),
                        new NewAccount(
                                "bennghe",
                                "Đảng ủy phường Bến Nghé",
                                null,
                                unitId("QU-Q1.DU-BENNGHE"),
                                Set.of(Role.MEMBER),
                                PASSWORD),
                        new NewAccount(
                                "dakao",
                                "Đảng ủy phường Đa Kao",
                                null,
                                unitId("QU-Q1.DU-DAKAO"),
                                Set.of(Role.MEMBER),
                                PASSWORD),
                        // After the 2025 reorganisation: the city board's clerk and a merged ward.
                        new NewAccount(
                                "vanthutu",
                                "Văn thư Ban Tuyên giáo và Dân vận Thành ủy",
                                null,
                                unitId("TU-HCM.BTGDV"),
                                Set.of(Role.CLERK),
                                PASSWORD),
                        new NewAccount(
                                "saigon",
                                "Đảng ủy phường Sài Gòn",
                                null,
                                unitId("TU-HCM.DU-SAIGON"),
                                Set.of(Role.MEMBER),
                                PASSWORD))
                .forEach(accounts::openUnlessExists);
    }

    private Long unitId(String code) {
        return organization.unitByCode(code).orElseThrow().id();
    }
}
