package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.server.ResponseStatusException;

/** Which requests the API's fallback answers as problem details, and with what: the pages keep their error page. */
class ApiErrorFallbackTests {

    @Test
    void onlyAPathUnderTheApiIsAnsweredAsAProblem() {
        assertThat(ApiErrorFallback.underApi("/api/v1/khong-co", "")).isTrue();
        assertThat(ApiErrorFallback.underApi("/cong-thong-tin/api/v1/inbox", "/cong-thong-tin"))
                .isTrue();
        assertThat(ApiErrorFallback.underApi("/api-cu/v1", "")).isFalse();
        assertThat(ApiErrorFallback.underApi("/tai-lieu-tuyen-truyen/api/", "")).isFalse();
        assertThat(ApiErrorFallback.underApi(null, "")).isFalse();
    }

    @Test
    void eachStatusIsToldInVietnamese() {
        assertThat(ApiErrorFallback.detail(HttpStatus.METHOD_NOT_ALLOWED, "PATCH"))
                .isEqualTo("Địa chỉ này của API không nhận phương thức PATCH.");
        assertThat(ApiErrorFallback.detail(HttpStatus.INTERNAL_SERVER_ERROR, "GET"))
                .isEqualTo(ApiErrorFallback.SERVER_ERROR);
        assertThat(ApiErrorFallback.detail(HttpStatus.CONTENT_TOO_LARGE, "POST"))
                .isEqualTo(ApiErrorFallback.TOO_LARGE);
        assertThat(ApiErrorFallback.detail(HttpStatus.CONFLICT, "POST")).isEqualTo(ApiErrorFallback.OTHER);
    }

    /**
     * A failure of the server that Spring MVC knows the status of (a ResponseStatusException of 500, a missing path
     * variable, a 503 of an async timeout) is answered here before Spring's own resolver, which logs it: it is logged
     * here, with its cause, for the operator; the caller gets the fixed Vietnamese detail and never its message.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aServerFailureIsLoggedAndItsMessageIsNotTold(CapturedOutput output) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        var answered = ApiErrorFallback.resolve(
                new MockHttpServletRequest("GET", "/api/v1/inbox"),
                response,
                null,
                new ResponseStatusException(
                        HttpStatus.INTERNAL_SERVER_ERROR, "select secret_column from account <script>"));
        assertThat(answered).isNotNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString())
                .contains("\"detail\":\"" + ApiErrorFallback.SERVER_ERROR + "\"")
                .doesNotContain("secret_column")
                .doesNotContain("<script>");
        assertThat(output)
                .contains("ResponseStatusException")
                .contains("secret_column")
                .contains("/api/v1/inbox");
    }
}
