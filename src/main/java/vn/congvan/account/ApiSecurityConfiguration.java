package vn.congvan.account;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The REST API's own filter chain ({@code /api/**}, ADR 0042), ahead of the pages' chain, which stays as it was. A
 * caller is either a personal access token ({@code Authorization: Bearer}: stateless, no session made, no CSRF token
 * asked) or a browser already signed in on the pages (its session is read, never made, and its requests that change
 * something still need the CSRF header). Every refusal is a problem detail in JSON, never a redirect to the login page.
 * Every caller is rate-limited ({@link ApiRateLimit}).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API = "/api/**";

    private static final String[] PUBLIC_READS = {"/api/v1/dispatches", "/api/v1/dispatches/**", "/api/v1/search"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http,
            PersonalAccessTokens tokens,
            @Value("${congvan.api.rate-limit.requests-per-minute:60}") int requestsPerMinute)
            throws Exception {
        http.securityMatcher(API)
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                                .permitAll()
                                .requestMatchers(HttpMethod.GET, PUBLIC_READS)
                                .permitAll()
                                .requestMatchers(HttpMethod.HEAD, PUBLIC_READS)
                                .permitAll()
                                .requestMatchers("/api/v1/inbox", "/api/v1/inbox/**")
                                .hasRole(Role.MEMBER.name())
                                // Reading the fields of a file (ADR 0044): a clerk's tool, by session (with the CSRF
                                // header) or by a token of the clerk scope.
                                .requestMatchers(HttpMethod.POST, "/api/v1/trich-xuat")
                                .hasRole(Role.CLERK.name())
                                .anyRequest()
                                .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // A bearer token cannot be sent by a forged form, so it needs no CSRF token; a session still does.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            ApiProblems.write(request, response, HttpStatus.UNAUTHORIZED, ApiProblems.UNAUTHORIZED);
                        })
                        .accessDeniedHandler((request, response, exception) ->
                                ApiProblems.write(request, response, HttpStatus.FORBIDDEN, ApiProblems.FORBIDDEN)))
                .formLogin(login -> login.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), CsrfFilter.class)
                .addFilterAfter(
                        new ApiRateLimit(requestsPerMinute, System::nanoTime), AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
