package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.WebServerFactoryCustomizerBeanPostProcessor;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * A download handed to Tomcat's sendfile outlives its servlet request; closing the context (what SIGTERM does) must
 * still let it finish. A real embedded Tomcat serves a file to a client that reads it through a small receive buffer,
 * so the transfer is still under way when the shutdown reaches the drain.
 */
class SendfileDrainTests {

    private static final int FILE_SIZE = 32 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void closingTheContextLetsASendfileDownloadUnderWayFinish() throws Exception {
        Path file = dir.resolve("large.bin");
        byte[] block = new byte[1024 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i % 251);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < FILE_SIZE / block.length; i++) {
                out.write(block);
            }
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FileServer.class)
                .web(WebApplicationType.SERVLET)
                .registerShutdownHook(false)
                .properties(
                        "spring.config.name=sendfile-drain-tests", "spring.main.banner-mode=off", "large-file=" + file)
                .run();
        CompletableFuture<Void> closed = null;
        try (Socket socket = new Socket()) {
            // A small window keeps most of the file on the server's side until the client reads it.
            socket.setReceiveBufferSize(16 * 1024);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.getOutputStream()
                    .write("GET /large HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200").contains("Content-Length: " + FILE_SIZE);
            assertThat(in.read()).isEqualTo(0);

            SendfileDrain drain = context.getBean(SendfileDrain.class);
            assertThat(drain.isRunning()).isTrue();
            closed = CompletableFuture.runAsync(context::close);
            // The graceful shutdown found no servlet request and is over: the drain alone holds the server now.
            while (drain.isRunning() && !closed.isDone()) {
                Thread.onSpinWait();
            }

            long received = 1;
            byte[] buffer = new byte[8 * 1024];
            for (int n = in.read(buffer); n != -1 && received < FILE_SIZE; n = in.read(buffer)) {
                received += n;
            }
            assertThat(received).isEqualTo(FILE_SIZE);
            // The connection is idle in keep-alive now and stays open: it must not hold the shutdown.
            closed.get(20, TimeUnit.SECONDS);
        } finally {
            if (closed == null) {
                context.close();
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            assertThat(c).isNotEqualTo(-1);
            head.append((char) c);
        }
        return head.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @Import(SendfileDrainConfiguration.class)
    static class FileServer {

        @Bean
        static WebServerFactoryCustomizerBeanPostProcessor webServerFactoryCustomizerBeanPostProcessor() {
            return new WebServerFactoryCustomizerBeanPostProcessor();
        }

        @Bean
        TomcatServletWebServerFactory webServerFactory() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setShutdown(Shutdown.GRACEFUL);
            return factory;
        }

        @Bean
        ServletRegistrationBean<HttpServlet> largeFile(Environment environment) {
            // Read here, not with @Value: the web server is built before placeholders in annotations resolve.
            String file = environment.getRequiredProperty("large-file");
            HttpServlet servlet = new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    if (!Boolean.TRUE.equals(request.getAttribute(AttachmentDownloads.SENDFILE_SUPPORTED))) {
                        response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED);
                        return;
                    }
                    response.setContentType("application/octet-stream");
                    response.setContentLengthLong(FILE_SIZE);
                    request.setAttribute(AttachmentDownloads.SENDFILE_FILENAME, file);
                    request.setAttribute(AttachmentDownloads.SENDFILE_START, 0L);
                    request.setAttribute(AttachmentDownloads.SENDFILE_END, (long) FILE_SIZE);
                }
            };
            return new ServletRegistrationBean<>(servlet, "/large");
        }
    }
}
