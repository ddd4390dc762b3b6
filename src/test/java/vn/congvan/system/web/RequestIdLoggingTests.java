package vn.congvan.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A log line written while a request is handled names the request, in the JSON format production logs in (the
 * {@code logging.structured.format.console} of application-prod.properties, through Spring Boot's own encoder).
 */
class RequestIdLoggingTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final LoggerContext logging = new LoggerContext();

    private Logger log;

    @BeforeEach
    void productionJsonLogging() throws IOException {
        logging.setMDCAdapter(MDC.getMDCAdapter());
        logging.putObject(
                Environment.class.getName(), new MockEnvironment().withProperty("spring.application.name", "congvan"));
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(logging);
        encoder.setFormat(prodProperties().getProperty("logging.structured.format.console"));
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(logging);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        log = logging.getLogger("vn.congvan.test");
        log.addAppender(appender);
    }

    @AfterEach
    void stop() {
        logging.stop();
    }

    @Test
    void theJsonLineOfARequestCarriesItsRequestId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("X-Request-Id", "0f3c2a9e8b7d4c1a");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestIdFilter().doFilter(request, response, (req, res) -> log.info("Trang chủ"));
        log.info("Sau yêu cầu");

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode during = JsonMapper.shared().readTree(lines[0]);
        JsonNode after = JsonMapper.shared().readTree(lines[1]);
        assertThat(during.path("message").asString()).isEqualTo("Trang chủ");
        assertThat(during.path("requestId").asString()).isEqualTo("0f3c2a9e8b7d4c1a");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("0f3c2a9e8b7d4c1a");
        assertThat(after.has("requestId"))
                .as("the id is gone once the request is done")
                .isFalse();
    }

    @Test
    void aRequestWithoutAnIdIsLoggedWithTheOneItIsAnswered() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("X-Request-Id", "bad id\"}");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestIdFilter().doFilter(request, response, (req, res) -> log.info("Trang chủ"));

        JsonNode line = JsonMapper.shared()
                .readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(line.path("requestId").asString())
                .isEqualTo(response.getHeader("X-Request-Id"))
                // A fresh UUID, not the refused value: checking for "bad" in it failed whenever the random hex held
                // those letters.
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static Properties prodProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RequestIdLoggingTests.class.getResourceAsStream("/application-prod.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
