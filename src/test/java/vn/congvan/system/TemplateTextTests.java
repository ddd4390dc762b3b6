package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Words in templates come from the message bundles: an element whose text has a letter in it must take its text from
 * {@code th:text} (or be replaced), so that the text left in the template is only the designer's placeholder.
 * The check reads each element whose text and closing tag stand on one line (how the templates are written); comments
 * are not looked at.
 */
class TemplateTextTests {

    private static final Pattern ELEMENT_WITH_TEXT =
            Pattern.compile("<(\\w+)((?:\\s[^<>]*)?)>([^<>]*\\p{L}[^<>]*)</\\1>");

    private static final Pattern FROM_MESSAGES =
            Pattern.compile("\\b(th:text|th:utext|th:replace|th:insert|sec:authentication|th:errors)=");

    @Test
    void everyTextInTheTemplatesComesFromTheMessageBundles() throws IOException {
        List<String> literal = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
                Matcher element = ELEMENT_WITH_TEXT.matcher(html);
                while (element.find()) {
                    if (!FROM_MESSAGES.matcher(element.group(2)).find()) {
                        literal.add(template.getFileName() + ": <" + element.group(1) + element.group(2) + ">"
                                + element.group(3).strip());
                    }
                }
            }
        }
        assertThat(literal).isEmpty();
    }
}
