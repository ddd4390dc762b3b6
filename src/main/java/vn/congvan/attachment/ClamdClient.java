package vn.congvan.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Talks to ClamAV's clamd with its INSTREAM command: the file is sent in chunks, each after its length as four
 * bytes big-endian, and a chunk of length zero ends it; clamd answers {@code stream: OK}, {@code stream: <name>
 * FOUND} or a line ending in {@code ERROR}. The file is read from disk a chunk at a time, never held whole.
 * Non-blocking channels with a selector give the same timeouts over TCP and over a Unix socket (a blocking
 * {@link SocketChannel} has no read timeout).
 */
class ClamdClient {

    private static final int CHUNK = 64 * 1024;

    private static final int MAX_REPLY = 4096;

    private final SocketAddress address;

    private final Duration connectTimeout;

    private final Duration readTimeout;

    ClamdClient(SocketAddress address, Duration connectTimeout, Duration readTimeout) {
        this.address = address;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    static ClamdClient of(ScanProperties properties) {
        SocketAddress address = properties.usesTcp()
                ? new InetSocketAddress(properties.host(), properties.port())
                : UnixDomainSocketAddress.of(properties.socket());
        return new ClamdClient(address, properties.connectTimeout(), properties.readTimeout());
    }

    SocketAddress address() {
        return address;
    }

    /** What clamd found in a file. */
    record Verdict(boolean infected, String signature) {

        static final Verdict CLEAN = new Verdict(false, null);
    }

    /** clamd could not be reached, did not answer in time, or answered with an error: the file is not scanned. */
    static class ScannerUnavailableException extends IOException {

        ScannerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** clamd answered, but with an error for this file (such as the INSTREAM size limit): the file is not scanned. */
    static class ScanErrorException extends IOException {

        ScanErrorException(String reply) {
            super("clamd: " + reply);
        }
    }

    /** Scans the file; throws when it could not be scanned, never answers clean then. */
    Verdict scan(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                Connection connection = connect()) {
            try {
                connection.write(ByteBuffer.wrap("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer length = ByteBuffer.allocate(4);
                ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
                while (in.read(chunk.clear()) > 0) {
                    chunk.flip();
                    connection.write(length.clear().putInt(chunk.remaining()).flip());
                    connection.write(chunk);
                }
                connection.write(length.clear().putInt(0).flip());
            } catch (IOException ex) {
                // clamd closes the stream early when it refuses it (the size limit); its reason may be waiting.
                return verdict(connection.replyAfterFailure().orElseThrow(() -> unavailable(ex)));
            }
            String reply;
            try {
                reply = connection.readReply();
            } catch (IOException ex) {
                throw unavailable(ex);
            }
            return verdict(reply);
        }
    }

    /** Answers whether clamd answers PING with PONG. */
    boolean ping() {
        try (Connection connection = connect()) {
            connection.write(ByteBuffer.wrap("zPING\0".getBytes(StandardCharsets.US_ASCII)));
            return "PONG".equals(connection.readReply());
        } catch (IOException ex) {
            return false;
        }
    }

    /** clamd's version line, such as "ClamAV 1.4.6/27000/...". */
    String version() throws IOException {
        try (Connection connection = connect()) {
            connection.write(ByteBuffer.wrap("zVERSION\0".getBytes(StandardCharsets.US_ASCII)));
            return connection.readReply();
        } catch (ScannerUnavailableException ex) {
            throw ex;
        } catch (IOException ex) {
            throw unavailable(ex);
        }
    }

    static Verdict verdict(String reply) throws ScanErrorException {
        String answer = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
        if (answer.equals("OK")) {
            return Verdict.CLEAN;
        }
        if (answer.endsWith(" FOUND")) {
            return new Verdict(
                    true,
                    answer.substring(0, answer.length() - " FOUND".length()).strip());
        }
        throw new ScanErrorException(reply);
    }

    private ScannerUnavailableException unavailable(IOException cause) {
        return new ScannerUnavailableException("clamd at " + address + " is unavailable: " + cause.getMessage(), cause);
    }

    private Connection connect() throws ScannerUnavailableException {
        SocketChannel channel = null;
        Selector selector = null;
        try {
            channel = address instanceof UnixDomainSocketAddress
                    ? SocketChannel.open(StandardProtocolFamily.UNIX)
                    : SocketChannel.open();
            channel.configureBlocking(false);
            selector = Selector.open();
            if (!channel.connect(address)) {
                SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
                if (selector.select(connectTimeout.toMillis()) == 0) {
                    throw new SocketTimeoutException("connect timed out after " + connectTimeout);
                }
                channel.finishConnect();
                key.cancel();
                selector.selectNow();
            }
            return new Connection(channel, selector);
        } catch (IOException ex) {
            closeQuietly(selector);
            closeQuietly(channel);
            throw unavailable(ex);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Nothing more can go wrong with a connection that is being given up.
            }
        }
    }

    /** One conversation with clamd; every wait is bounded by the read timeout. */
    private final class Connection implements AutoCloseable {

        private final SocketChannel channel;

        private final Selector selector;

        private final ByteArrayOutputStream reply = new ByteArrayOutputStream();

        private boolean replyComplete;

        Connection(SocketChannel channel, Selector selector) {
            this.channel = channel;
            this.selector = selector;
        }

        void write(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    await(SelectionKey.OP_WRITE);
                }
            }
        }

        /** Reads up to the NUL that ends a reply of a z-command (or the end of the stream). */
        String readReply() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            while (!replyComplete) {
                int read = channel.read(buffer.clear());
                if (read == -1) {
                    replyComplete = true;
                } else if (read == 0) {
                    await(SelectionKey.OP_READ);
                } else {
                    for (int i = 0; i < read && !replyComplete; i++) {
                        byte b = buffer.get(i);
                        if (b == 0) {
                            replyComplete = true;
                        } else {
                            reply.write(b);
                        }
                    }
                    if (reply.size() > MAX_REPLY) {
                        throw new IOException("clamd's reply is too long");
                    }
                }
            }
            String text = reply.toString(StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IOException("clamd closed the connection without an answer");
            }
            return text;
        }

        Optional<String> replyAfterFailure() {
            try {
                return Optional.of(readReply());
            } catch (IOException ex) {
                return Optional.empty();
            }
        }

        private void await(int operation) throws IOException {
            SelectionKey key = channel.register(selector, operation);
            try {
                if (selector.select(readTimeout.toMillis()) == 0) {
                    throw new SocketTimeoutException("clamd did not answer within " + readTimeout);
                }
            } finally {
                key.interestOps(0);
                selector.selectedKeys().clear();
            }
        }

        @Override
        public void close() {
            closeQuietly(selector);
            closeQuietly(channel);
        }
    }
}
