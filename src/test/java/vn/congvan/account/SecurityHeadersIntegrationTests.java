package vn.congvan.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.congvan.CongvanIntegrationTest;

@CongvanIntegrationTest
class SecurityHeadersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void pagesCarryAStrictContentSecurityPolicyWithoutUnsafeInline() throws Exception {
        MvcResult result = mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andReturn();

        String policy = result.getResponse().getHeader("Content-Security-Policy");
        assertThat(policy)
                .contains(
                        "default-src 'self'",
                        "script-src 'self'",
                        "style-src 'self'",
                        "object-src 'none'",
                        "frame-ancestors 'self'",
                        "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void theLoginPageHasNoInlineScriptOrStyle() throws Exception {
        String page = mvc.perform(get("/dang-nhap"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .doesNotContain("style=", "<style", "onclick=")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }
}
