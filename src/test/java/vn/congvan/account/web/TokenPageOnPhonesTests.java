package vn.congvan.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * A new token (cvn_ and 43 characters of base64url, no space) is shown once on the account page: on a phone's width
 * it must wrap inside its box, or the whole page scrolls sideways while the clerk copies it.
 */
class TokenPageOnPhonesTests {

    @Test
    void theNewTokenWrapsInsideItsBox() throws IOException {
        String page = new ClassPathResource("templates/account/tokens.html").getContentAsString(StandardCharsets.UTF_8);
        String css = new ClassPathResource("static/css/congvan.css").getContentAsString(StandardCharsets.UTF_8);

        Matcher token =
                Pattern.compile("<code id=\"new-token\"[^>]*class=\"([^\"]*)\"").matcher(page);
        assertThat(token.find()).as("the token's element has a class").isTrue();
        String rule = "." + token.group(1).split("\\s+")[0];
        Matcher declared =
                Pattern.compile(Pattern.quote(rule) + "\\s*\\{([^}]*)\\}").matcher(css);
        assertThat(declared.find()).as("a rule for " + rule).isTrue();
        assertThat(declared.group(1)).containsPattern("overflow-wrap:\\s*anywhere|word-break:\\s*break-all");
    }
}
