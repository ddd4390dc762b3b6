package vn.congvan.attachment;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioEndpoint;

/**
 * Tomcat's NIO connector that can tell how many file transfers its poller is still sending. Tomcat offers no
 * completion callback for sendfile and keeps its endpoint to itself; a subclass may ask it. Public with a public
 * constructor because Tomcat creates the protocol from its class name.
 */
public class SendfileDrainingProtocol extends Http11NioProtocol {

    /**
     * Connections whose response body is being sent from a file. Tomcat clears a connection's sendfile data when the
     * last byte is written, so connections kept alive afterwards, idle, are not counted.
     */
    long sendfileTransfers() {
        return getEndpoint().getConnections().stream()
                .filter(connection ->
                        connection instanceof NioEndpoint.NioSocketWrapper wrapper && wrapper.getSendfileData() != null)
                .count();
    }
}
