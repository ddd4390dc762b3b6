package vn.congvan.search;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;

/**
 * Whatever is typed or put in the address, the search page answers with a page, never an error; its filters are
 * folded away unless one is in use.
 */
@CongvanIntegrationTest
class SearchParametersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void oddInputIsHarmless() throws Exception {
        for (String q :
                new String[] {"-", " - ", "\"", "!!!", "99999999999999999999", "65-", "<b>", "x".repeat(5000)}) {
            mvc.perform(get("/tim-kiem").param("q", q)).andExpect(status().isOk());
        }
        // A NUL character, which PostgreSQL text cannot hold, is refused before it gets anywhere (RequestTextFilter).
        mvc.perform(get("/tim-kiem").param("q", "a\u0000b")).andExpect(status().isBadRequest());
        mvc.perform(get("/tim-kiem").param("q", "thong bao").param("loai", "\u0000"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/tim-kiem")
                        .param("q", "thong bao")
                        .param("nam", "2023")
                        .param("tu-ngay", "2023-01-01")
                        .param("den-ngay", "2023-12-31")
                        .param("co-quan", "1")
                        .param("loai", "CV"))
                .andExpect(status().isOk());
        mvc.perform(get("/tim-kiem").param("co-quan", "1")).andExpect(status().isOk());
        mvc.perform(get("/tim-kiem").param("q", "thong bao").param("trang", "400"))
                .andExpect(status().isOk());
    }

    @Test
    void theFiltersOpenOnlyWhenOneIsUsed() throws Exception {
        mvc.perform(get("/tim-kiem").param("q", "thong bao"))
                .andExpect(content().string(containsString("<details class=\"search-filters\">")));
        mvc.perform(get("/tim-kiem").param("q", "thong bao").param("nam", "2023"))
                .andExpect(content().string(containsString("<details class=\"search-filters\" open=\"open\">")));
    }
}
