package vn.congvan.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list: its items, where it is ({@code page} counts from 1) and the address of the next page, also
 * sent as a {@code Link: <…>; rel="next"} header.
 */
@Schema(description = "Một trang của danh sách")
record ApiPage<T>(List<T> items, int page, int size, long totalElements, int totalPages, String next) {

    ApiPage {
        items = List.copyOf(items);
    }

    static <S, T> ApiPage<T> of(Page<S> page, Function<S, T> mapping) {
        String next = page.hasNext()
                ? ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQueryParam("page", page.getNumber() + 2)
                        .replaceQueryParam("size", page.getSize())
                        .build()
                        .toUriString()
                : null;
        return new ApiPage<>(
                page.getContent().stream().map(mapping).toList(),
                page.getNumber() + 1,
                page.getSize(),
                page.getTotalElements(),
                page.getTotalPages(),
                next);
    }
}
