package vn.congvan.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.info.BuildProperties;

/** The release that public pages' ETags name: the build, so that every instance of one jar agrees (ADR 0022). */
class PublicPageReleaseTests {

    @Test
    void theReleaseIsTheBuildTimeWhateverTheJvm() {
        Properties build = new Properties();
        build.setProperty("time", "2026-11-30T02:00:00Z");
        String release = PublicPageCaching.release(new BuildProperties(build));

        assertThat(release)
                .isEqualTo(Long.toString(Instant.parse("2026-11-30T02:00:00Z").toEpochMilli(), 36));
        assertThat(PublicPageCaching.etag(release, 7, java.util.Locale.forLanguageTag("vi")))
                .isEqualTo("W/\"" + release + "-7-vi\"");
    }

    @Test
    void withoutBuildInformationTheJvmStartStandsIn() {
        assertThat(PublicPageCaching.release(null)).isNotBlank();
        assertThat(PublicPageCaching.release(new BuildProperties(new Properties())))
                .isEqualTo(PublicPageCaching.release(null));
    }
}
