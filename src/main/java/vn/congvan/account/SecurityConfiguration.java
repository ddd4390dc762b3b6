package vn.congvan.account;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Who may open what. The public side ("Tài liệu tuyên truyền", the home page, the login page) is open to all; the
 * inbox is for members of recipient units, dispatch management for clerks, administration for administrators;
 * anything not listed is refused. URL rules are a first fence only: services check a {@link CurrentUser} again.
 * See ADR 0006 for the password encoding, the lockout and the Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/dang-nhap";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";

    private static final String[] PUBLIC_PATHS = { "/", "/tai-lieu-tuyen-truyen", "/tai-lieu-tuyen-truyen/**", "/tim-kiem",
            "/css/**", "/js/**", "/images/**", "/favicon.ico", "/actuator/health", "/actuator/health/**",
            LOGIN_PAGE };

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessions) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl(LOGIN_PAGE + "?loi");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), LOGIN_PAGE + "?khoa"));

        http.authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers(HttpMethod.GET, PUBLIC_PATHS).permitAll()
                .requestMatchers(HttpMethod.HEAD, PUBLIC_PATHS).permitAll()
                .requestMatchers("/hop-thu/**").hasRole(Role.MEMBER.name())
                .requestMatchers("/quan-ly/**").hasRole(Role.CLERK.name())
                .requestMatchers("/quan-tri/**").hasRole(Role.ADMIN.name())
                .anyRequest().denyAll())
            .formLogin(login -> login
                .loginPage(LOGIN_PAGE)
                .loginProcessingUrl(LOGIN_PAGE)
                .defaultSuccessUrl("/")
                .failureHandler(failures))
            .logout(logout -> logout
                .logoutUrl("/dang-xuat")
                .logoutSuccessUrl(LOGIN_PAGE + "?thoat"))
            .sessionManagement(session -> session
                .sessionFixation(fixation -> fixation.changeSessionId())
                // Sessions are registered so that a change to an account ends its sessions (SignedInSessions).
                .maximumSessions(-1)
                .sessionRegistry(sessions)
                .expiredUrl(LOGIN_PAGE + "?het-phien"))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
            .csrf(Customizer.withDefaults());
        return http.build();
    }

    /**
     * Sessions live in PostgreSQL (Spring Session JDBC, ADR 0020), indexed by the principal's name, so that every
     * instance of the portal finds, and ends, the sessions any instance started.
     */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /** "{bcrypt}…" today; older hashes keep working when the default encoder changes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one way to log in: the account's password, behind the lockout rules. */
    @Bean
    AuthenticationProvider authenticationProvider(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder,
            LoginFailures failures) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new LockoutAuthenticationProvider(passwords, failures);
    }
}
