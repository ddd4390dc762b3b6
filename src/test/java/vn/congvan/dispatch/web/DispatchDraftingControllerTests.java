package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.account.SecuredWebSlice;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchDraft;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Visibility;
import vn.congvan.extraction.FormReading;
import vn.congvan.organization.OrganizationDirectory;

/** The clerk's list and the drafting form's posts, behind the portal's security rules. */
@WebMvcTest(DispatchDraftingController.class)
@SecuredWebSlice
class DispatchDraftingControllerTests {

    static final CurrentUser CLERK =
            new CurrentUser(1L, "vanthu", "{noop}unused", "Văn thư", 10L, Set.of(Role.CLERK), true);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DispatchManagement management;

    @MockitoBean
    DispatchCatalog catalog;

    @MockitoBean
    OrganizationDirectory organization;

    /** The drafting form reads files through the extraction module (ADR 0045). */
    @MockitoBean
    FormReading formReading;

    @Test
    void theClerksListRendersInTheStaffLayout() throws Exception {
        given(catalog.ofIssuer(eq(10L), any())).willReturn(new PageImpl<>(List.of()));

        mvc.perform(get("/quan-ly/cong-van").with(user(CLERK)))
                .andExpect(status().isOk())
                .andExpect(view().name("dispatch/list"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/quan-ly/cong-van/moi")));
    }

    @Test
    void aNewDraftIsTheFormAsTheClerkFilledItInForTheClerksOwnUnit() throws Exception {
        given(management.createDraft(any(), eq(CLERK))).willReturn(42L);

        mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(CLERK))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "TB")
                        .param("urgency", "URGENT")
                        .param("visibility", "PUBLIC")
                        .param("subject", "Về việc thử nghiệm")
                        .param("body", "Nội dung.")
                        .param("addresseeLines", "Các chi bộ\nCác đoàn thể"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/quan-ly/cong-van/42"))
                .andExpect(flash().attribute("flash", "dispatch.flash.created"));

        ArgumentCaptor<DispatchDraft> draft = ArgumentCaptor.forClass(DispatchDraft.class);
        verify(management).createDraft(draft.capture(), eq(CLERK));
        assertThat(draft.getValue().issuerUnitId()).isEqualTo(10L);
        assertThat(draft.getValue().family()).isEqualTo(DispatchFamily.PARTY);
        assertThat(draft.getValue().typeCode()).isEqualTo("TB");
        assertThat(draft.getValue().visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(draft.getValue().addressees())
                .containsExactly(Recipient.text("Các chi bộ"), Recipient.text("Các đoàn thể"));
    }

    @Test
    void aClerkOfAnotherIssuerCannotSaveTheDraft() throws Exception {
        mvc.perform(post("/quan-ly/cong-van/5/sua")
                        .with(user(CLERK))
                        .with(csrf())
                        .param("family", "PARTY")
                        .param("typeCode", "CV")
                        .param("urgency", "NORMAL")
                        .param("visibility", "PUBLIC")
                        .param("subject", "Về việc sửa hộ")
                        .param("body", "Bị sửa.")
                        .param("addresseeLines", "Các đơn vị")
                        .param("version", "0"))
                .andExpect(status().isNotFound());

        verifyNoInteractions(management);
    }

    @Test
    void draftingIsForClerksOnly() throws Exception {
        CurrentUser member = new CurrentUser(2L, "canbo", "{noop}unused", "Cán bộ", 20L, Set.of(Role.MEMBER), true);

        mvc.perform(get("/quan-ly/cong-van/moi")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
        mvc.perform(get("/quan-ly/cong-van/moi").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(post("/quan-ly/cong-van/moi")
                        .with(user(member))
                        .with(csrf())
                        .param("subject", "Về việc"))
                .andExpect(status().isForbidden());

        verifyNoInteractions(management);
    }
}
