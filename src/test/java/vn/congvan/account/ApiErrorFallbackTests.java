package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

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
}
