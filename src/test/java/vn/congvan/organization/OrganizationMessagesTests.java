package vn.congvan.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OrganizationMessagesTests {

    @Test
    void everyMessageIsInBothLanguagesAndEveryUnitKindHasALabel() throws IOException {
        Properties vietnamese = load("/messages/organization.properties");
        Properties english = load("/messages/organization_en.properties");

        assertThat(english.stringPropertyNames()).isEqualTo(vietnamese.stringPropertyNames());
        assertThat(vietnamese.stringPropertyNames())
                .containsAll(Arrays.stream(UnitKind.values())
                        .map(kind -> "organization.kind." + kind.name())
                        .toList());
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String path : new String[] {"/messages/organization.properties", "/messages/organization_en.properties"}) {
            List<String> keys = keys(path);
            assertThat(keys).as(path).doesNotHaveDuplicates();
        }
    }

    /** Properties.load keeps the last of two equal keys silently; read the lines to see both. */
    private static List<String> keys(String path) throws IOException {
        try (InputStream in = OrganizationMessagesTests.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.substring(0, line.indexOf('=')).strip())
                    .toList();
        }
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OrganizationMessagesTests.class.getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
