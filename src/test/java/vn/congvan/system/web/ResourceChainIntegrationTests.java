package vn.congvan.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import vn.congvan.CongvanIntegrationTest;

/**
 * Pages write their links as they are (ADR 0052): the resource chain's URL-encoding filter, which springdoc's webjars
 * locator would switch on, looked every link of a page up on the class path, three quarters of a search page's Java
 * time. Static files are still served at their plain paths.
 */
@CongvanIntegrationTest
class ResourceChainIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Test
    void noFilterRewritesTheLinksOfAPage() {
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .noneMatch(registration -> registration.getFilter() instanceof ResourceUrlEncodingFilter);
    }

    @Test
    void staticFilesAreServedAtThePathsThePagesLink() throws Exception {
        mvc.perform(get("/tim-kiem"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/css/congvan.css\"")));
        mvc.perform(get("/css/congvan.css")).andExpect(status().isOk());
    }
}
