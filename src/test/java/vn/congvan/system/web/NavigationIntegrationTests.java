package vn.congvan.system.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.TestUsers;

/**
 * The menu marks the section a page belongs to, and the language link leads to the same page in the other language
 * (the error pages' link is checked over real HTTP in {@code ErrorPagesIntegrationTests}).
 */
@CongvanIntegrationTest
class NavigationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theMenuMarksTheCurrentSectionOnly() throws Exception {
        mvc.perform(get("/tai-lieu-tuyen-truyen"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("<a href=\"/tai-lieu-tuyen-truyen\" aria-current=\"page\">")))
                .andExpect(content().string(containsString("<a href=\"/\">Trang chủ</a>")));
        mvc.perform(get("/"))
                .andExpect(content().string(containsString("<a href=\"/\" aria-current=\"page\">Trang chủ</a>")))
                .andExpect(content()
                        .string(not(containsString("<a href=\"/tai-lieu-tuyen-truyen\" aria-current=\"page\">"))));
    }

    @Test
    void aPageInsideASectionMarksItsEntryAsCurrentButNotAsThePage() throws Exception {
        mvc.perform(get("/tim-kiem").queryParam("q", "65"))
                .andExpect(content().string(containsString("<a href=\"/tim-kiem\" aria-current=\"page\">")));
        mvc.perform(get("/quan-tri/don-vi").with(user(new TestUsers(null).admin())))
                .andExpect(content().string(containsString("<a href=\"/quan-tri\" aria-current=\"true\">")));
    }

    @Test
    void theLanguageLinkKeepsTheSearch() throws Exception {
        mvc.perform(get("/tim-kiem").queryParam("q", "thong bao nhanh"))
                .andExpect(content().string(containsString("href=\"?q=thong%20bao%20nhanh&amp;lang=en\"")));
        mvc.perform(get("/tim-kiem").queryParam("q", "thong bao nhanh").queryParam("lang", "en"))
                .andExpect(content().string(containsString("href=\"?q=thong%20bao%20nhanh&amp;lang=vi\"")));
    }
}
