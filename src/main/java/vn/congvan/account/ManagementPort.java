package vn.congvan.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Whether a request came in on the separate management port ({@code management.server.port}, the production
 * profile's 9090), which the proxy does not forward and which is not published (ADR 0050). Spring Boot runs the
 * application's security filter chain there too, so the chain tells the two ports apart by this. The port is the one
 * the management server really took (also when it was 0, any free port), learned from its start; without a separate
 * management server nothing matches.
 */
class ManagementPort implements RequestMatcher, ApplicationListener<WebServerInitializedEvent> {

    static final String SERVER_NAMESPACE = "management";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (SERVER_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        int known = port;
        return known > 0 && request.getLocalPort() == known;
    }
}
