package vn.congvan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.Accounts;

/**
 * The drafting form's script asks for the citation of the document it read with the document's subject (ADR 0065).
 * Through the real server, whose header limit cut a subject of about a thousand Vietnamese characters put in a query
 * string (the citation was then silently not filled), a subject as long as the form takes is cited, and a longer one
 * is refused with a sentence saying so.
 */
@CongvanIntegrationTest
class LongCitationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void aSubjectAsLongAsTheFormTakesIsCitedThroughTheServer() throws Exception {
        Scenario world = Scenario.of(context, "trich-dan");
        WebClient browser = new WebClient(port);
        assertThat(browser.logIn(world.clerkUsername, Accounts.DEMO_PASSWORD).statusCode())
                .isEqualTo(302);
        String token = browser.csrfToken("/quan-ly/cong-van/moi");
        // A thousand characters, most of them two or three bytes in UTF-8 and nine once percent-encoded.
        String subject = "V/v " + "triển khai tuyên truyền kỷ niệm ".repeat(40).substring(0, 996);
        String tooLong = subject + "ữ";

        HttpResponse<String> cited = ask(browser, token, subject);
        HttpResponse<String> refused = ask(browser, token, tooLong);

        assertThat(cited.statusCode()).isEqualTo(200);
        assertThat(cited.body())
                .contains(
                        "\"forwardsReference\":\"Công văn số 454/UBND-NCTH ngày 06 tháng 4 năm 2011 của Ủy ban nhân dân"
                                + " tỉnh Hậu Giang\"")
                .contains(subject.substring(4, 200));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Trích yếu đọc từ tệp dài 1.001 ký tự, quá 1.000 ký tự mà biểu mẫu nhận")
                .doesNotContain("forwardsReference");
    }

    private HttpResponse<String> ask(WebClient browser, String token, String subject) throws Exception {
        String form = "family=STATE&typeName=" + WebClient.encode("Công văn") + "&number=454&notation=UBND-NCTH"
                + "&issuedOn=2011-04-06&issuer=" + WebClient.encode("ỦY BAN NHÂN DÂN TỈNH HẬU GIANG")
                + "&subject=" + WebClient.encode(subject) + "&_csrf=" + WebClient.encode(token);
        return browser.send(HttpRequest.newBuilder(browser.uri("/quan-ly/cong-van/trich-dan"))
                .header("Accept", "application/json")
                .header("Accept-Language", "vi")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }
}
