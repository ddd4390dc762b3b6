package vn.congvan.attachment;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat's connector that counts its sendfile transfers, and the shutdown phase that waits for them (ADR 0019). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SendfileDrainConfiguration {

    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> sendfileDrainingProtocol() {
        return SendfileDrainConfiguration::useSendfileDrainingProtocol;
    }

    static void useSendfileDrainingProtocol(TomcatServletWebServerFactory factory) {
        factory.setProtocol(SendfileDrainingProtocol.class.getName());
    }

    @Bean
    SendfileDrain sendfileDrain(
            ApplicationContext context, @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
        return new SendfileDrain(context, timeout);
    }
}
