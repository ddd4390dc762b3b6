package vn.congvan.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may open what. The public side ("Tài liệu tuyên truyền", the home page, the login page) is open to all; the
 * inbox is for members of recipient units, dispatch management for clerks, administration for administrators;
 * anything not listed is refused. URL rules are a first fence only: services check a {@link CurrentUser} again.
 * See ADR 0006 for the password encoding, the login throttle and the Content-Security-Policy. An upload that the
 * rules would refuse is refused before its body is read ({@link UnreadBodyRefusal}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/dang-nhap";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";

    static final String PROMETHEUS = "/actuator/prometheus";

    private static final RedirectStrategy REDIRECTS = new DefaultRedirectStrategy();

    private static final String[] PUBLIC_PATHS = {
        "/",
        "/tai-lieu-tuyen-truyen",
        "/tai-lieu-tuyen-truyen/**",
        "/tim-kiem",
        "/css/**",
        "/js/**",
        "/images/**",
        "/favicon.ico",
        "/actuator/health",
        "/actuator/health/**",
        // The liveness and readiness groups on the main port also when the actuator has its own (ADR 0050).
        "/livez",
        "/readyz",
        // The REST API's description and its browsable page (ADR 0042); the API itself has its own chain.
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        LOGIN_PAGE
    };

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SessionRegistry sessions,
            @Value("${spring.servlet.multipart.max-request-size:-1B}") DataSize maxRequestSize,
            MessageSource messages,
            LocaleResolver locales,
            ManagementPort managementPort)
            throws Exception {
        RequestCache requestCache = requestCache();
        UnreadBodyRefusal unreadBodies = new UnreadBodyRefusal(
                maxRequestSize.toBytes(),
                new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                new AccessDeniedHandlerImpl(),
                messages,
                locales);

        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(
                                DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        // Metrics: to Prometheus on the management port, which only the operator's
                        // network reaches (ADR 0050); on the main port to an administrator alone.
                        .requestMatchers(new AndRequestMatcher(
                                managementPort,
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, PROMETHEUS)))
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PROMETHEUS)
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers("/hop-thu/**")
                        .hasRole(Role.MEMBER.name())
                        .requestMatchers("/quan-ly/**")
                        .hasRole(Role.CLERK.name())
                        .requestMatchers("/quan-tri/**")
                        .hasRole(Role.ADMIN.name())
                        // The person's own account page (personal access tokens): anyone signed in.
                        .requestMatchers("/tai-khoan/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .formLogin(login -> login.loginPage(LOGIN_PAGE)
                        .loginProcessingUrl(LOGIN_PAGE)
                        .successHandler(new LandingPage(requestCache))
                        .failureHandler(SecurityConfiguration::loginFailed))
                .logout(logout -> logout.logoutUrl("/dang-xuat").logoutSuccessUrl(LOGIN_PAGE + "?thoat"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        // Sessions are registered so that a change to an account ends its sessions (SignedInSessions).
                        .maximumSessions(-1)
                        .sessionRegistry(sessions)
                        .expiredUrl(LOGIN_PAGE + "?het-phien"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(cache -> cache.requestCache(requestCache))
                .csrf(Customizer.withDefaults())
                .addFilterBefore(unreadBodies, CsrfFilter.class);
        DefaultSecurityFilterChain chain = http.build();
        chain.getFilters().stream()
                .filter(AuthorizationFilter.class::isInstance)
                .map(AuthorizationFilter.class::cast)
                .findFirst()
                .ifPresent(authorization -> unreadBodies.useRules(authorization.getAuthorizationManager()));
        return chain;
    }

    /**
     * The address to return to after login is remembered (in the session) only for the pages that need a login: an
     * anonymous visitor who follows a dead link must not be given a session for it (ADR 0022).
     */
    private static RequestCache requestCache() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new OrRequestMatcher(
                paths.matcher(HttpMethod.GET, "/hop-thu/**"),
                paths.matcher(HttpMethod.GET, "/quan-ly/**"),
                paths.matcher(HttpMethod.GET, "/quan-tri/**"),
                paths.matcher(HttpMethod.GET, "/tai-khoan/**")));
        return cache;
    }

    /**
     * Where a failed login goes: a refusal by the throttle says how long to wait (seconds for a delay, minutes for a
     * locked pair); anything else is the one message that does not tell a wrong name from a wrong password.
     */
    private static void loginFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String target = LOGIN_PAGE + "?loi";
        if (exception instanceof LoginRefusedException refused) {
            target = refused.locked()
                    ? LOGIN_PAGE + "?khoa=" + Math.max(1, (refused.secondsLeft() + 59) / 60)
                    : LOGIN_PAGE + "?cho=" + refused.secondsLeft();
        }
        REDIRECTS.sendRedirect(request, response, target);
    }

    /**
     * Spring Boot's publisher with one more mapping: it maps exceptions by exact class, and a throttle refusal is to
     * be audited as a locked attempt like any {@link LockedException}.
     */
    @Bean
    DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(LoginRefusedException.class, AuthenticationFailureLockedEvent.class));
        return publisher;
    }

    /**
     * Sessions live in PostgreSQL (Spring Session JDBC, ADR 0020), indexed by the principal's name, so that every
     * instance of the portal finds, and ends, the sessions any instance started.
     */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /** Tells a request to the separate management port from one to the main port. */
    @Bean
    ManagementPort managementPort() {
        return new ManagementPort();
    }

    /**
     * "{bcrypt}…" at the configured cost (log2 of its rounds: 10 unless {@code congvan.account.password-hash-cost} raises
     * it; ADR 0006 amendment). A lower cost is refused: hashes made cheaply would stay cheap after the setting is fixed.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${congvan.account.password-hash-cost:10}") int cost) {
        if (cost < DEFAULT_PASSWORD_HASH_COST) {
            throw new IllegalStateException("congvan.account.password-hash-cost is " + cost
                    + ": passwords must be hashed at cost " + DEFAULT_PASSWORD_HASH_COST + " or more (up to 31)");
        }
        return passwordEncoderAt(cost);
    }

    /**
     * BCrypt at {@code cost} for new hashes; a stored hash of another kind or cost is checked by the kind and cost it
     * names, so that raising the cost needs no migration. Tests hash at the least cost through this (TestPasswords).
     */
    static PasswordEncoder passwordEncoderAt(int cost) {
        DelegatingPasswordEncoder encoder =
                new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    /** Spring Security's own default cost of BCrypt, the least the portal hashes at. */
    static final int DEFAULT_PASSWORD_HASH_COST = 10;

    /** The one way to log in: the account's password, behind the login throttle. */
    @Bean
    AuthenticationProvider authenticationProvider(
            AccountUserDetailsService accounts,
            PasswordEncoder passwordEncoder,
            LoginFailures failures,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new LockoutAuthenticationProvider(
                passwords, failures, new TransactionTemplate(transactionManager), clock);
    }
}
