package vn.congvan.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.account.SecuredWebSlice;
import vn.congvan.dispatch.DispatchCatalog;

/** The portal names the body configured to run it (congvan.site.*), not the demo's board, on every page it renders. */
@WebMvcTest(
        controllers = HomeController.class,
        properties = {
            "congvan.site.name=Ban Tuyên giáo Huyện ủy Cần Giờ",
            "congvan.site.superior=Huyện ủy Cần Giờ",
            "congvan.site.english-name=Propaganda Board of the Can Gio Party Committee",
            "congvan.site.english-superior="
        })
@SecuredWebSlice
class SiteIdentityTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DispatchCatalog catalog;

    @BeforeEach
    void nothingPublished() {
        given(catalog.latestPublic(5)).willReturn(List.of());
    }

    @Test
    void theHomePageShowsTheConfiguredNameInItsHeaderTitleIntroductionAndFooter() throws Exception {
        String page = mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("<span class=\"site-brand__superior\">Huyện ủy Cần Giờ</span>")
                .contains("<span class=\"site-brand__name\">Ban Tuyên giáo Huyện ủy Cần Giờ</span>")
                .contains("<title>Trang chủ · Ban Tuyên giáo Huyện ủy Cần Giờ</title>")
                .contains("Nơi Ban Tuyên giáo Huyện ủy Cần Giờ gửi công văn")
                .contains("Cổng thông tin phát hành công văn của Ban Tuyên giáo Huyện ủy Cần Giờ.")
                .doesNotContain("Quận 1")
                .doesNotContain("??");
    }

    @Test
    void englishReadersSeeTheEnglishNameAndTheVietnameseSuperiorWhenNoEnglishOneIsGiven() throws Exception {
        String page = mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("<span class=\"site-brand__name\">Propaganda Board of the Can Gio Party Committee</span>")
                .contains("<span class=\"site-brand__superior\">Huyện ủy Cần Giờ</span>")
                .contains("Dispatch portal of Propaganda Board of the Can Gio Party Committee.");
    }
}
