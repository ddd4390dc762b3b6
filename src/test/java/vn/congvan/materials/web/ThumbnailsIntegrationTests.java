package vn.congvan.materials.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.demo.DemoData;

@CongvanIntegrationTest
class ThumbnailsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoData demo;

    @Autowired
    Attachments attachments;

    @Test
    void theFirstPageOfAPublicPdfIsServedAsASmallCachedImage() throws Exception {
        Long dispatch = demo.load().district().id();
        AttachmentView briefing = attachments.ofDispatch(dispatch).get(0);
        String path = "/tai-lieu-tuyen-truyen/" + dispatch + "/tep/" + briefing.id() + "/trang-dau.png";

        MvcResult first = mvc.perform(get(path)).andReturn();
        // Drawn for this request (unless another test drew it first): then answered asynchronously.
        ResultActions answer =
                first.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(first)) : mvc.perform(get(path));
        byte[] png = answer.andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(header().string("Cache-Control", "public, no-cache"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(100, 200);
        assertThat(image.getHeight()).isGreaterThan(image.getWidth());
        String etag = mvc.perform(get(path)).andReturn().getResponse().getHeader("ETag");

        mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", dispatch))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("/tep/" + briefing.id() + "/trang-dau.png")));
    }

    @Test
    void aRestrictedDispatchsThumbnailDoesNotExistForThePublic() throws Exception {
        DemoData.Samples samples = demo.load();
        AttachmentView file = attachments.ofDispatch(samples.restricted().id()).get(0);

        mvc.perform(get(
                        "/tai-lieu-tuyen-truyen/{id}/tep/{f}/trang-dau.png",
                        samples.restricted().id(),
                        file.id()))
                .andExpect(status().isNotFound());
    }
}
