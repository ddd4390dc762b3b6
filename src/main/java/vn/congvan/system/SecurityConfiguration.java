package vn.congvan.system;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Until accounts exist, the portal is public and read-only: the pages of "Tài liệu tuyên truyền" and the health
 * check answer; everything else is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] PUBLIC_PATHS = { "/", "/tai-lieu-tuyen-truyen", "/tai-lieu-tuyen-truyen/**",
            "/css/**", "/images/**", "/favicon.ico", "/actuator/health", "/actuator/health/**" };

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers(HttpMethod.GET, PUBLIC_PATHS).permitAll()
                .requestMatchers(HttpMethod.HEAD, PUBLIC_PATHS).permitAll()
                .requestMatchers("/quan-tri/**").hasRole("ADMIN")
                .anyRequest().denyAll())
            .headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicy.SAME_ORIGIN)))
            .csrf(Customizer.withDefaults());
        return http.build();
    }
}
