package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import vn.congvan.organization.OrganizationDirectory;

class AccountManagementTests {

    AccountRepository repository = mock(AccountRepository.class);

    ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

    AccountManagement accounts = new AccountManagement(
            repository,
            PasswordEncoderFactories.createDelegatingPasswordEncoder(),
            events,
            Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC),
            mock(LoginFailures.class),
            mock(OrganizationDirectory.class),
            new StaticMessageSource());

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrLoseTheRole() {
        Account admin =
                Account.open("quantri", "{noop}x", "Quản trị viên", null, null, Set.of(Role.ADMIN), Instant.EPOCH);
        when(repository.findWithRolesById(1L)).thenReturn(Optional.of(admin));
        when(repository.existsOtherEnabledAdministrator(1L)).thenReturn(false);

        assertThatExceptionOfType(LastAdministratorException.class)
                .isThrownBy(() -> accounts.update(
                        1L, new AccountUpdate(0, "Quản trị viên", null, null, Set.of(Role.ADMIN), false)));
        assertThatExceptionOfType(LastAdministratorException.class)
                .isThrownBy(() ->
                        accounts.update(1L, new AccountUpdate(0, "Quản trị viên", null, 5L, Set.of(Role.CLERK), true)));
        verify(events, never()).publishEvent(any());
    }

    @Test
    void namesOfNoOneAnswerAnEmptyColumnsLookupWithNoName() {
        // A page of rows none of which names anyone still looks its empty column up in the map.
        assertThat(accounts.displayNames(java.util.Collections.singletonList(null))
                        .get(null))
                .isNull();
        assertThat(accounts.displayNames(java.util.List.of()).get(null)).isNull();
        verify(repository, never()).findNamesByUsernameIn(any());
    }

    @Test
    void anAccountOutsideEveryUnitMustBeAnAdministrator() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        Account.open("vanthu2", "{noop}x", "Văn thư", null, null, Set.of(Role.CLERK), Instant.EPOCH));
    }

    @Test
    void openingHashesThePasswordAndPublishesTheChange() {
        when(repository.save(any())).thenAnswer(invocation -> invocation.getArgument(0));

        AccountSummary account =
                accounts.open(new NewAccount("  VanThu2 ", "Văn thư", "", 5L, Set.of(Role.CLERK), "Demo@2023"));

        assertThat(account.username()).isEqualTo("vanthu2");
        assertThat(account.email()).isNull();
        verify(events).publishEvent(any(AccountChanged.class));
    }

    @Test
    void refusesAPasswordThatBreaksThePolicy() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> accounts.open(
                        new NewAccount("vanthu2", "Văn thư", null, 5L, Set.of(Role.CLERK), "vanthu2024")));
    }
}
