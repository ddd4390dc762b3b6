package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every UI text exists in both locales: Vietnamese (the default bundle) and English. */
class MessageBundlesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "messages",
                "account",
                "audit",
                "organization",
                "dispatch",
                "delivery",
                "search",
                "incoming",
                "extraction"
            })
    void vietnameseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Properties vietnamese = load("/messages/" + bundle + ".properties");
        Properties english = load("/messages/" + bundle + "_en.properties");

        assertThat(vietnamese).isNotEmpty();
        assertThat(new TreeSet<>(english.stringPropertyNames()))
                .isEqualTo(new TreeSet<>(vietnamese.stringPropertyNames()));
        vietnamese.forEach(
                (key, value) -> assertThat((String) value).as(key.toString()).isNotBlank());
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
