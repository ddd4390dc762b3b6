package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.web.MockHttpServletRequest;

class ManagementPortTests {

    private final ManagementPort managementPort = new ManagementPort();

    @Test
    void aRequestToTheManagementServersPortMatches() {
        started("management", 9090);
        started(null, 8080);

        assertThat(managementPort.matches(requestTo(9090))).isTrue();
        assertThat(managementPort.matches(requestTo(8080))).isFalse();
    }

    @Test
    void withoutASeparateManagementServerNothingMatches() {
        started(null, 8080);

        assertThat(managementPort.matches(requestTo(8080))).isFalse();
        assertThat(managementPort.matches(requestTo(9090))).isFalse();
    }

    private void started(String namespace, int port) {
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        when(context.getServerNamespace()).thenReturn(namespace);
        managementPort.onApplicationEvent(new WebServerInitializedEvent(server) {
            @Override
            public WebServerApplicationContext getApplicationContext() {
                return context;
            }
        });
    }

    private static MockHttpServletRequest requestTo(int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setLocalPort(port);
        return request;
    }
}
