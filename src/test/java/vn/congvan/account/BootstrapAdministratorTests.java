package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.DefaultApplicationArguments;

class BootstrapAdministratorTests {

    AccountManagement accounts = mock(AccountManagement.class);

    @Test
    void createsTheAdministratorOnceWhenNoneExists() {
        when(accounts.hasAdministrator()).thenReturn(false, true);
        when(accounts.open(any()))
                .thenReturn(new AccountSummary(
                        1L,
                        0,
                        "quantri",
                        "Quản trị viên",
                        null,
                        null,
                        Set.of(Role.ADMIN),
                        true,
                        Instant.EPOCH,
                        Instant.EPOCH));
        BootstrapAdministrator bootstrap =
                new BootstrapAdministrator(accounts, new BootstrapAdminProperties("quantri", "Khoi-dong-2025"));

        bootstrap.run(new DefaultApplicationArguments());
        bootstrap.run(new DefaultApplicationArguments());

        ArgumentCaptor<NewAccount> created = ArgumentCaptor.forClass(NewAccount.class);
        verify(accounts, times(1)).open(created.capture());
        assertThat(created.getValue().username()).isEqualTo("quantri");
        assertThat(created.getValue().roles()).containsExactly(Role.ADMIN);
        assertThat(created.getValue().unitId()).isNull();
    }

    @Test
    void doesNothingWhenAnAdministratorExists() {
        when(accounts.hasAdministrator()).thenReturn(true);

        new BootstrapAdministrator(accounts, new BootstrapAdminProperties("quantri", "Khoi-dong-2025"))
                .run(new DefaultApplicationArguments());

        verify(accounts, never()).open(any());
    }

    @Test
    void doesNothingUnlessBothPropertiesAreSet() {
        when(accounts.hasAdministrator()).thenReturn(false);

        new BootstrapAdministrator(accounts, new BootstrapAdminProperties("quantri", ""))
                .run(new DefaultApplicationArguments());
        new BootstrapAdministrator(accounts, new BootstrapAdminProperties(null, "Khoi-dong-2025"))
                .run(new DefaultApplicationArguments());

        verify(accounts, never()).open(any());
    }

    @Test
    void refusesToStartWithAWeakBootstrapPassword() {
        when(accounts.hasAdministrator()).thenReturn(false);

        assertThatIllegalStateException()
                .isThrownBy(
                        () -> new BootstrapAdministrator(accounts, new BootstrapAdminProperties("quantri", "quantri1"))
                                .run(new DefaultApplicationArguments()));
        verify(accounts, never()).open(any());
    }
}
