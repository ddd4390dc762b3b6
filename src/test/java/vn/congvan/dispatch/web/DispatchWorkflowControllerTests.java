package vn.congvan.dispatch.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BindingResult;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.Role;
import vn.congvan.account.SecuredWebSlice;
import vn.congvan.attachment.Attachments;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DispatchRelation;
import vn.congvan.dispatch.DispatchRuleException;
import vn.congvan.dispatch.DispatchStatus;
import vn.congvan.dispatch.Viewers;
import vn.congvan.dispatch.Visibility;

/** Publish, withdraw, correct and replace as the clerk posts them: each step a redirect with its message. */
@WebMvcTest(DispatchWorkflowController.class)
@SecuredWebSlice
class DispatchWorkflowControllerTests {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    static final CurrentUser CLERK =
            new CurrentUser(1L, "vanthu", "{noop}unused", "Văn thư", 10L, Set.of(Role.CLERK), true);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DispatchManagement management;

    @MockitoBean
    DispatchCatalog catalog;

    @MockitoBean
    Attachments attachments;

    @BeforeEach
    void theClerksDraft() {
        given(catalog.statusForIssuingClerk(5L, Viewers.issuingClerk(CLERK)))
                .willReturn(Optional.of(DispatchStatus.DRAFT));
    }

    @Test
    void publishingSaysTheNumberTheDispatchWasGiven() throws Exception {
        given(management.publish(5L, null, LocalDate.of(2024, 3, 1), CLERK))
                .willReturn(new DispatchReference(
                        5L,
                        "65-CV/BTGQU",
                        LocalDate.of(2024, 3, 1),
                        "Ban Tuyên giáo Quận ủy",
                        "Về việc thử",
                        DispatchStatus.PUBLISHED,
                        Visibility.PUBLIC));

        mvc.perform(post("/quan-ly/cong-van/5/phat-hanh")
                        .param("issuedOn", "2024-03-01")
                        .locale(VIETNAMESE)
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/quan-ly/cong-van/5"))
                .andExpect(flash().attribute("flashText", "Đã phát hành văn bản số 65-CV/BTGQU."));
    }

    @Test
    void aBrokenRuleOrAConcurrentChangeIsAMessageOnTheDispatchPage() throws Exception {
        given(management.publish(5L, null, null, CLERK))
                .willThrow(new DispatchRuleException("dispatch.error.noRecipients", "no recipient unit"));
        mvc.perform(post("/quan-ly/cong-van/5/phat-hanh")
                        .locale(VIETNAMESE)
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(redirectedUrl("/quan-ly/cong-van/5"))
                .andExpect(flash().attribute(
                                "flashErrors",
                                List.of("Văn bản chưa có đơn vị nhận nào: hãy chọn ít "
                                        + "nhất một nhóm hoặc một đơn vị ở \"Kính gửi\" hoặc \"Nơi nhận\".")));

        willThrow(new ObjectOptimisticLockingFailureException("Dispatch", 5L))
                .given(management)
                .publish(5L, null, null, CLERK);
        mvc.perform(post("/quan-ly/cong-van/5/phat-hanh")
                        .locale(VIETNAMESE)
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(redirectedUrl("/quan-ly/cong-van/5"))
                .andExpect(flash().attribute(
                                "flashErrors",
                                List.of("Văn bản vừa được thay đổi cùng lúc (có thể do "
                                        + "bấm hai lần). Vui lòng xem lại trạng thái hiện tại của văn bản.")));
    }

    @Test
    void aWithdrawalWithoutAReasonGoesBackToTheFormWithItsErrorAndWithdrawsNothing() throws Exception {
        mvc.perform(post("/quan-ly/cong-van/5/thu-hoi")
                        .param("reason", " ")
                        .with(user(CLERK))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/quan-ly/cong-van/5"))
                .andExpect(flash().attributeExists(BindingResult.MODEL_KEY_PREFIX + "withdrawForm", "withdrawForm"));

        verify(management, never()).withdraw(any(), any(), any());
    }

    @Test
    void aCorrectionOpensItsNewDraftForEditing() throws Exception {
        given(management.supersede(5L, DispatchRelation.CORRECTS, CLERK)).willReturn(77L);

        mvc.perform(post("/quan-ly/cong-van/5/dinh-chinh").with(user(CLERK)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/quan-ly/cong-van/77/sua"))
                .andExpect(flash().attribute("flash", "dispatch.flash.superseding.CORRECTS"));
    }

    @Test
    void aDispatchOfAnotherIssuerDoesNotExistForTheClerk() throws Exception {
        CurrentUser otherClerk =
                new CurrentUser(3L, "vanthu-khac", "{noop}unused", "Văn thư khác", 11L, Set.of(Role.CLERK), true);

        for (String step : List.of("phat-hanh", "thu-hoi", "dinh-chinh", "thay-the")) {
            mvc.perform(post("/quan-ly/cong-van/5/" + step)
                            .param("reason", "Ban hành nhầm")
                            .with(user(otherClerk))
                            .with(csrf()))
                    .andExpect(status().isNotFound());
        }

        verifyNoInteractions(management);
    }

    @Test
    void aMemberCannotPostAStepNorAnyoneWithoutTheFormsToken() throws Exception {
        CurrentUser member = new CurrentUser(2L, "canbo", "{noop}unused", "Cán bộ", 20L, Set.of(Role.MEMBER), true);

        mvc.perform(post("/quan-ly/cong-van/5/phat-hanh").with(user(member)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/quan-ly/cong-van/5/phat-hanh").with(user(CLERK))).andExpect(status().isForbidden());

        verifyNoInteractions(management);
    }
}
