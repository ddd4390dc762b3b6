package vn.congvan.api;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** page (from 1) and size (1 to 100, 20 by default) as every list of the API takes them. */
final class Paging {

    static final int DEFAULT_SIZE = 20;

    static final int MAX_SIZE = 100;

    private Paging() {}

    static Pageable of(int page, int size) {
        return PageRequest.of(Math.max(page, 1) - 1, Math.min(Math.max(size, 1), MAX_SIZE));
    }

    /** The page, with the {@code Link} header to the next one. */
    static <T> ResponseEntity<ApiPage<T>> answer(ApiPage<T> page) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.next() != null) {
            answer.header(HttpHeaders.LINK, "<" + page.next() + ">; rel=\"next\"");
        }
        return answer.body(page);
    }
}
