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
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

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
    OrganizationAdministration administration;

    // The next three tests are about the canonical demo sample (65-CV/BTGQU forwarding 3080-CV/BTGTU): they check
    // how the pages render that real document, its formal parts and its link to the city dispatch, so they keep it.
    @Test
    void materialsListShowsTheSampleAndTheCityDispatchItForwardsWithTheirFiles() throws Exception {
        demo.load();

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
        Fixture units = units();
        String subject = "Về việc tài liệu nội bộ " + units.board().code();
        AttachmentView[] attached = new AttachmentView[1];
        DispatchReference restricted = management.registerIssued(
                DispatchDrafts.partyDispatch(
                        units.board().id(),
                        Visibility.RESTRICTED,
                        subject,
                        units.ward().id()),
                new DocumentNumber(77, "CV/BTGTTL"),
                LocalDate.of(2023, 7, 20),
                id -> attached[0] = attach(id));
        AttachmentView file = attached[0];

        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", restricted.id())).andExpect(status().isNotFound());
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}/tep/{file}", restricted.id(), file.id()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}/tep/{file}/tai-ve", restricted.id(), file.id()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tai-lieu-tuyen-truyen")).andExpect(content().string(not(containsString(subject))));
    }

    @Test
    void fileOfAnotherDispatchIsNotFoundUnderAPublicDispatch() throws Exception {
        Fixture units = units();
        AttachmentView[] attached = new AttachmentView[1];
        management.registerIssued(
                DispatchDrafts.partyDispatch(
                        units.board().id(),
                        Visibility.RESTRICTED,
                        "Về việc tài liệu nội bộ khác",
                        units.ward().id()),
                new DocumentNumber(78, "CV/BTGTTL"),
                LocalDate.of(2023, 7, 21),
                id -> attached[0] = attach(id));
        AttachmentView file = attached[0];
        DispatchReference published = publishPublic(
                units, "Về việc tài liệu công khai " + units.board().code());
        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}", published.id())).andExpect(status().isOk());

        mvc.perform(get("/tai-lieu-tuyen-truyen/{id}/tep/{file}", published.id(), file.id()))
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
        Fixture units = units();
        String subject = "Về việc tài liệu mới nhất " + units.board().code();
        publishPublic(units, subject);

        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tài liệu tuyên truyền")))
                .andExpect(content().string(containsString(subject)));
    }

    @Test
    void englishIsOneClickAway() throws Exception {
        Fixture units = units();
        String subject = "Về việc tài liệu song ngữ " + units.board().code();
        publishPublic(units, subject);

        mvc.perform(get("/tai-lieu-tuyen-truyen").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Public materials")))
                .andExpect(content().string(containsString(subject)));
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

    /** A board and a ward of this test's own, under a committee of their own with its party term. */
    private Fixture units() {
        UnitSummary committee = Units.root(administration, "Quận ủy thử tài liệu");
        management.registerPartyTerm(committee.id(), "2020-2030", LocalDate.of(2020, 10, 1), null);
        UnitSummary board = administration.createUnit(
                committee.id(),
                UnitKind.PARTY_BOARD,
                Units.uniqueCode("B"),
                new UnitDetails("Ban Tuyên giáo thử tài liệu", "Ban Tuyên giáo", "BTGTTL", "Quận Thử"),
                null);
        UnitSummary ward = Units.ward(administration, committee, "Đảng ủy phường Thử tài liệu", null);
        return new Fixture(board, ward);
    }

    /**
     * A public dispatch of the test's board issued today: the listings put the newest first, so it is among the
     * latest whatever other tests published before.
     */
    private DispatchReference publishPublic(Fixture units, String subject) {
        return management.registerIssued(
                DispatchDrafts.partyDispatch(
                        units.board().id(),
                        Visibility.PUBLIC,
                        subject,
                        units.ward().id()),
                new DocumentNumber(90, "CV/BTGTTL"),
                LocalDate.now(),
                id -> {});
    }

    private record Fixture(UnitSummary board, UnitSummary ward) {}
}
