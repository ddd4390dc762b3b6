package vn.congvan.materials.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.TestFiles;
import vn.congvan.demo.DemoData;
import vn.congvan.dispatch.DispatchDrafts;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DocumentNumber;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationDirectory;

@CongvanIntegrationTest
class MaterialsPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoData demo;

    @Autowired
    DispatchManagement management;

    @Autowired
    Attachments attachments;

    @Autowired
    OrganizationDirectory organization;

    @Test
    void materialsListShowsTheSampleAndTheCityDispatchItForwardsWithTheirFiles() throws Exception {
        mvc.perform(get("/tai-lieu-tuyen-truyen"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("65-CV/BTGQU")))
                .andExpect(content().string(containsString("3080-CV/BTGTU")))
                .andExpect(content().string(containsString("12/07/2023")))
                .andExpect(content().string(containsString("10/07/2023")))
                .andExpect(content().string(containsString("Ban Tuyên giáo Quận ủy Quận 1")))
                .andExpect(content().string(containsString("Về việc gửi tài liệu")))
                .andExpect(content()
                        .string(containsString("Thông báo nhanh kết quả Hội nghị Ban Chấp hành Đảng bộ "
                                + "thành phố lần thứ 21 (khóa XI)")))
                .andExpect(content().string(containsString(" KB")))
                .andExpect(content().string(containsString(">Xem<")))
                .andExpect(content().string(containsString(">Tải về<")));
    }

    @Test
    void dispatchPageShowsEveryFormalPartOfThePaperDocument() throws Exception {
        DispatchReference sample = demo.load().district();

        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", sample.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("QUẬN ỦY QUẬN 1")))
                .andExpect(content().string(containsString("BAN TUYÊN GIÁO")))
                .andExpect(content().string(containsString("<p class=\"document__star\">*</p>")))
                .andExpect(content().string(containsString("Số 65-CV/BTGQU")))
                .andExpect(content()
                        .string(containsString("Về việc gửi tài liệu “Thông báo nhanh kết quả Hội nghị "
                                + "Ban Chấp hành Đảng bộ thành phố lần thứ 21 (khóa XI)”")))
                .andExpect(content().string(containsString("ĐẢNG CỘNG SẢN VIỆT NAM")))
                .andExpect(content().string(containsString("Quận 1, ngày 12 tháng 7 năm 2023")))
                .andExpect(content().string(containsString("Kính gửi:")))
                .andExpect(
                        content().string(containsString("- Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quận,")))
                .andExpect(content().string(containsString("- Cấp ủy cơ sở đảng,")))
                .andExpect(content().string(containsString("- Các đồng chí báo cáo viên cấp quận.")))
                .andExpect(content()
                        .string(containsString("Thực hiện Công văn số 3080-CV/BTGTU ngày 10 tháng 7 năm "
                                + "2023 của Ban Tuyên giáo Thành ủy")))
                .andExpect(content().string(containsString("Trân trọng.")))
                .andExpect(content().string(containsString("Nơi nhận:")))
                .andExpect(content().string(containsString("- Như trên;")))
                .andExpect(content().string(containsString("- Thường trực Quận ủy;")))
                .andExpect(content().string(containsString("- Lưu Ban Tuyên giáo Quận ủy.")))
                .andExpect(content().string(containsString("Nguyễn Trung Châu Tuyên")))
                .andExpect(content().string(containsString(">3080-CV/BTGTU</a>")))
                .andExpect(content().string(containsString("/tai-lieu-tuyen-truyen/" + sample.id() + "/tep/")));
    }

    @Test
    void cityDispatchLinksBackToTheDistrictDispatchThatForwardsIt() throws Exception {
        DemoData.Samples samples = demo.load();

        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", samples.city().id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH")))
                .andExpect(content().string(containsString("Số 3080-CV/BTGTU")))
                .andExpect(content().string(containsString(">65-CV/BTGQU</a>")));
    }

    @Test
    void restrictedDispatchAndItsFileDoNotExistForThePublic() throws Exception {
        Long issuer = organization.unitByCode("QU-Q1.BTG").orElseThrow().id();
        AttachmentView[] attached = new AttachmentView[1];
        DispatchReference restricted = management.registerIssued(
                DispatchDrafts.partyDispatch(issuer, Visibility.RESTRICTED, "Về việc tài liệu nội bộ", ward()),
                new DocumentNumber(77, "CV/BTGQU"),
                LocalDate.of(2023, 7, 20),
                id -> attached[0] = attach(id));
        AttachmentView file = attached[0];

        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", restricted.id())).andExpect(status().isNotFound());
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}/tep/{file}", restricted.id(), file.id()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}/tep/{file}/tai-ve", restricted.id(), file.id()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tai-lieu-tuyen-truyen"))
                .andExpect(content().string(not(containsString("Về việc tài liệu nội bộ"))));
    }

    @Test
    void fileOfAnotherDispatchIsNotFoundUnderAPublicDispatch() throws Exception {
        Long issuer = organization.unitByCode("QU-Q1.BTG").orElseThrow().id();
        AttachmentView[] attached = new AttachmentView[1];
        management.registerIssued(
                DispatchDrafts.partyDispatch(issuer, Visibility.RESTRICTED, "Về việc tài liệu nội bộ khác", ward()),
                new DocumentNumber(78, "CV/BTGQU"),
                LocalDate.of(2023, 7, 21),
                id -> attached[0] = attach(id));
        AttachmentView file = attached[0];
        DispatchReference sample = demo.load().district();

        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}/tep/{file}", sample.id(), file.id()))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownIdsAnswer404() throws Exception {
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", 999_999)).andExpect(status().isNotFound());
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}/tep/{file}", 999_999, 1)).andExpect(status().isNotFound());
        mvc.perform(get("/tai-lieu-tuyen-truyen/abc")).andExpect(status().isBadRequest());
    }

    @Test
    void homePageListsTheLatestMaterials() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tài liệu tuyên truyền")))
                .andExpect(content().string(containsString("65-CV/BTGQU")));
    }

    @Test
    void englishIsOneClickAway() throws Exception {
        mvc.perform(get("/tai-lieu-tuyen-truyen").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Public materials")))
                .andExpect(content().string(containsString("65-CV/BTGQU")));
    }

    @Test
    void everythingElseIsDenied() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().isFound()).andExpect(redirectedUrl("/dang-nhap"));
        mvc.perform(get("/admin").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"status\":\"UP\"")));
    }

    private AttachmentView attach(Long dispatchId) {
        try {
            return attachments.attach(
                    new NewAttachment(dispatchId, "Tài liệu nội bộ", AttachmentKind.APPENDIX, "tai-lieu-noi-bo.pdf"),
                    new ByteArrayInputStream(TestFiles.pdf(1)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Long ward() {
        return organization.unitByCode("QU-Q1.DU-BENNGHE").orElseThrow().id();
    }
}
