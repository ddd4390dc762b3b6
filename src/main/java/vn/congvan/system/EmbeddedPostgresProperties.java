package vn.congvan.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether to start an embedded PostgreSQL instead of connecting to {@code spring.datasource.url}
 * @param dataDirectory where the embedded server keeps its data; none means a throw-away directory (tests)
 * @param port the port to listen on; 0 picks a free one
 */
@ConfigurationProperties("congvan.embedded-postgres")
record EmbeddedPostgresProperties(
        @DefaultValue("true") boolean enabled,
        Path dataDirectory,
        @DefaultValue("0") int port) {

    /** Whether data outlives the process; an empty {@code data-directory} (as the tests set it) means no. */
    boolean isPersistent() {
        return dataDirectory != null && !dataDirectory.toString().isBlank();
    }
}
