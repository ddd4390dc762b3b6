package vn.congvan.attachment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Lets the downloads handed to Tomcat's sendfile finish before the web server stops (ADR 0019). The graceful
 * shutdown waits only for requests still in a servlet, and a sendfile download has left its servlet once the
 * headers were decided; without this phase the web server's stop cut every download under way.
 * <p>
 * It stops right after the graceful shutdown (which has closed the server socket and let the servlet requests end)
 * and before the web server stops, and waits until no connection is sending a file. The wait ends at the same
 * deadline as the graceful shutdown, {@code spring.lifecycle.timeout-per-shutdown-phase} after the context began to
 * close, so that the two together take no longer than one timeout. Connections idle in keep-alive do not hold it:
 * the web server's stop closes them.
 */
class SendfileDrain implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SendfileDrain.class);

    // Tomcat's own awaitConnectionsClose and Spring Boot's graceful shutdown look as often.
    private static final long POLL_MILLIS = 50;

    private final ApplicationContext context;

    private final Duration timeout;

    private volatile boolean running;

    private volatile long closingSince;

    SendfileDrain(ApplicationContext context, Duration timeout) {
        this.context = context;
        this.timeout = timeout;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) {
            closingSince = System.nanoTime();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        long since = closingSince != 0 ? closingSince : System.nanoTime();
        long deadline = since + timeout.toNanos();
        for (SendfileDrainingProtocol protocol : protocols()) {
            long transfers = protocol.sendfileTransfers();
            if (transfers > 0) {
                log.info("Waiting for {} file download(s) to finish", transfers);
            }
            while (transfers > 0 && System.nanoTime() - deadline < 0) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
                transfers = protocol.sendfileTransfers();
            }
            if (transfers > 0) {
                log.warn(
                        "{} file download(s) still under way are cut: the shutdown timeout ({}) has passed",
                        transfers,
                        timeout);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the graceful shutdown (stopped first, having the higher phase), before the web server stops. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 1;
    }

    private List<SendfileDrainingProtocol> protocols() {
        List<SendfileDrainingProtocol> protocols = new ArrayList<>();
        if (context instanceof WebServerApplicationContext web
                && web.getWebServer() instanceof TomcatWebServer server) {
            for (Connector connector : server.getTomcat().getService().findConnectors()) {
                if (connector.getProtocolHandler() instanceof SendfileDrainingProtocol protocol) {
                    protocols.add(protocol);
                }
            }
        }
        return protocols;
    }
}
