package vn.congvan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.dispatch.DispatchDraft;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.DispatchReference;
import vn.congvan.dispatch.DocumentNumber;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Signer;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.NewUnit;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;

/**
 * The world of the sample dispatch 65-CV/BTGQU as it was in July 2023: the Ho Chi Minh City Party committee and
 * its propaganda board, the District 1 Party committee with its board, Front, organisations and ward committees,
 * the city dispatch 3080-CV/BTGTU and the district dispatch that forwards it, each with the briefing attached.
 * Loading it again changes nothing: every piece is looked up by its code or number first.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("congvan.demo.enabled")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String PARTY_TERM = "2020-2025";

    static final String NEXT_PARTY_TERM = "2025-2030";

    /** The last day of the district level: from 1 July 2025 the city's bodies deal with the wards directly. */
    static final LocalDate LAST_DAY_OF_DISTRICTS = LocalDate.of(2025, 6, 30);

    /** The first day of the merged wards (Nghị quyết 1685/NQ-UBTVQH15), the day after the districts' last. */
    static final LocalDate FIRST_DAY_OF_MERGED_WARDS = LAST_DAY_OF_DISTRICTS.plusDays(1);

    /** Ban Tuyên giáo and Ban Dân vận Thành ủy merged into one board from this day. */
    static final LocalDate FIRST_DAY_OF_MERGED_BOARD = LocalDate.of(2025, 2, 3);

    static final String WELFARE_NOTICE_SUBJECT = "Về việc không tổ chức tiếp khách, không nhận hoa, quà chúc mừng nhân "
            + "kỷ niệm 95 năm Ngày Truyền thống công tác Dân vận của Đảng (15/10/1930 - 15/10/2025)";

    /**
     * The new wards of District 1 and, for each, the old wards it was formed from (whole or in part), after
     * Nghị quyết 1685/NQ-UBTVQH15 of 16 June 2025 (docs/glossary.md names the sources). A ward split in two
     * (Đa Kao, Nguyễn Thái Bình, Cầu Ông Lãnh) appears under both of its successors.
     */
    static final Map<String, List<String>> MERGED_WARDS = Map.of(
            "SAIGON", List.of("BENNGHE", "DAKAO", "NGUYENTHAIBINH"),
            "TANDINH", List.of("TANDINH", "DAKAO"),
            "BENTHANH", List.of("BENTHANH", "PHAMNGULAO", "CAUONGLANH", "NGUYENTHAIBINH"),
            "CAUONGLANH", List.of("NGUYENCUTRINH", "CAUKHO", "COGIANG", "CAUONGLANH"));

    private static final Map<String, String> MERGED_WARD_NAMES =
            Map.of("SAIGON", "Sài Gòn", "TANDINH", "Tân Định", "BENTHANH", "Bến Thành", "CAUONGLANH", "Cầu Ông Lãnh");

    static final String BRIEFING_TITLE =
            "Thông báo nhanh kết quả Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 21 (khóa XI)";

    static final String BRIEFING_FILENAME =
            "Thông báo nhanh kết quả Hội nghị BCH Đảng bộ thành phố lần thứ 21 (khóa XI).pdf";

    static final String INTERNAL_NOTE_TITLE = "Hướng dẫn sinh hoạt chuyên đề tháng 8 năm 2023";

    static final String INTERNAL_NOTE_FILENAME = "Hướng dẫn sinh hoạt chuyên đề tháng 8-2023.pdf";

    private static final Map<String, String> WARDS = Map.of(
            "BENNGHE",
            "Bến Nghé",
            "BENTHANH",
            "Bến Thành",
            "CAUKHO",
            "Cầu Kho",
            "CAUONGLANH",
            "Cầu Ông Lãnh",
            "COGIANG",
            "Cô Giang",
            "DAKAO",
            "Đa Kao",
            "NGUYENCUTRINH",
            "Nguyễn Cư Trinh",
            "NGUYENTHAIBINH",
            "Nguyễn Thái Bình",
            "PHAMNGULAO",
            "Phạm Ngũ Lão",
            "TANDINH",
            "Tân Định");

    private final OrganizationDirectory organization;

    private final DispatchManagement dispatches;

    private final Attachments attachments;

    private final TransactionTemplate transaction;

    private final Environment environment;

    DemoData(
            OrganizationDirectory organization,
            DispatchManagement dispatches,
            Attachments attachments,
            TransactionTemplate transaction,
            Environment environment) {
        this.organization = organization;
        this.dispatches = dispatches;
        this.attachments = attachments;
        this.transaction = transaction;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        Samples samples = load();
        DispatchReference district = samples.district();
        String port = environment.getProperty("local.server.port", "8080");
        log.info(
                """

                ==================================================================
                 congvan: dữ liệu mẫu đã sẵn sàng (demo data loaded)
                   Trang chủ:                 http://localhost:{}/
                   Tài liệu tuyên truyền:     http://localhost:{}/tai-lieu-tuyen-truyen
                   Công văn mẫu {}:  http://localhost:{}/tai-lieu-tuyen-truyen/{}
                   Sau sắp xếp 2025: {} gửi thẳng Đảng ủy 4 phường mới
                   (Sài Gòn, Tân Định, Bến Thành, Cầu Ông Lãnh); Quận ủy Quận 1 kết thúc ngày 30/6/2025
                ==================================================================""",
                port,
                port,
                district.notation(),
                port,
                district.id(),
                samples.toTheWards().notation());
    }

    /**
     * The sample dispatches: the city's, the district's that forwards it, a restricted one to one ward (all of 2023),
     * and one of the city's merged board sent straight to the merged wards in 2025.
     */
    public record Samples(
            DispatchReference city,
            DispatchReference district,
            DispatchReference restricted,
            DispatchReference toTheWards) {}

    /** Loads what is missing and answers the sample dispatches, 3080-CV/BTGTU and 65-CV/BTGQU. */
    public Samples load() {
        // The PDFs are typeset only when a sample is registered for the first time, so a restart does no work for them.
        try (DemoPdf briefing = new DemoPdf(
                        "/demo/65-CV-BTGQU-thong-bao-nhanh.txt",
                        BRIEFING_TITLE,
                        "Ban Tuyên giáo Thành ủy Thành phố Hồ Chí Minh",
                        BriefingPdf.dateOf(2023, 7, 10));
                DemoPdf internalNote = new DemoPdf(
                        "/demo/huong-dan-noi-bo.txt",
                        INTERNAL_NOTE_TITLE,
                        "Ban Tuyên giáo Quận ủy Quận 1",
                        BriefingPdf.dateOf(2023, 7, 20))) {
            return transaction.execute(status -> {
                units();
                reorganisation();
                DispatchReference city =
                        cityDispatch(file(briefing, BRIEFING_TITLE, AttachmentKind.BRIEFING, BRIEFING_FILENAME));
                DispatchReference district = districtDispatch(
                        city, file(briefing, BRIEFING_TITLE, AttachmentKind.BRIEFING, BRIEFING_FILENAME));
                DispatchReference restricted = restrictedDispatch(
                        file(internalNote, INTERNAL_NOTE_TITLE, AttachmentKind.APPENDIX, INTERNAL_NOTE_FILENAME));
                DispatchReference toTheWards = cityDispatchToTheWards();
                return new Samples(city, district, restricted, toTheWards);
            });
        }
    }

    private void units() {
        LocalDate since = LocalDate.of(2020, 10, 1);
        unit(
                "TU-HCM",
                null,
                UnitKind.PARTY_COMMITTEE,
                "Thành ủy Thành phố Hồ Chí Minh",
                "Thành ủy Thành phố Hồ Chí Minh",
                "TU",
                "TP. Hồ Chí Minh",
                since);
        unit(
                "TU-HCM.BTG",
                "TU-HCM",
                UnitKind.PARTY_BOARD,
                "Ban Tuyên giáo Thành ủy Thành phố Hồ Chí Minh",
                "Ban Tuyên giáo",
                "BTGTU",
                "TP. Hồ Chí Minh",
                since);
        unit("QU-Q1", "TU-HCM", UnitKind.PARTY_COMMITTEE, "Quận ủy Quận 1", "Quận ủy Quận 1", "QU", "Quận 1", since);
        unit(
                "QU-Q1.TT",
                "QU-Q1",
                UnitKind.PARTY_STANDING_OFFICE,
                "Thường trực Quận ủy Quận 1",
                "Thường trực Quận ủy",
                null,
                "Quận 1",
                since);
        unit(
                "QU-Q1.BTG",
                "QU-Q1",
                UnitKind.PARTY_BOARD,
                "Ban Tuyên giáo Quận ủy Quận 1",
                "Ban Tuyên giáo",
                "BTGQU",
                "Quận 1",
                since);
        unit(
                "QU-Q1.MTTQ",
                "QU-Q1",
                UnitKind.FATHERLAND_FRONT,
                "Ủy ban Mặt trận Tổ quốc Việt Nam Quận 1",
                "Ủy ban MTTQ Việt Nam Quận 1",
                "MTTQ",
                "Quận 1",
                since);
        unit(
                "QU-Q1.DOAN",
                "QU-Q1",
                UnitKind.SOCIO_POLITICAL_ORGANISATION,
                "Quận Đoàn 1",
                "Quận Đoàn 1",
                "QĐ",
                "Quận 1",
                since);
        unit(
                "QU-Q1.HLHPN",
                "QU-Q1",
                UnitKind.SOCIO_POLITICAL_ORGANISATION,
                "Hội Liên hiệp Phụ nữ Quận 1",
                "Hội Liên hiệp Phụ nữ Quận 1",
                "HLHPN",
                "Quận 1",
                since);
        unit(
                "QU-Q1.HCCB",
                "QU-Q1",
                UnitKind.SOCIO_POLITICAL_ORGANISATION,
                "Hội Cựu chiến binh Quận 1",
                "Hội Cựu chiến binh Quận 1",
                "HCCB",
                "Quận 1",
                since);
        unit(
                "QU-Q1.LDLD",
                "QU-Q1",
                UnitKind.SOCIO_POLITICAL_ORGANISATION,
                "Liên đoàn Lao động Quận 1",
                "Liên đoàn Lao động Quận 1",
                "LĐLĐ",
                "Quận 1",
                since);
        unit(
                "QU-Q1.BCV",
                "QU-Q1",
                UnitKind.REPORTER_TEAM,
                "Đội ngũ báo cáo viên Quận ủy Quận 1",
                "Báo cáo viên cấp quận",
                null,
                "Quận 1",
                since);
        List<String> wardCodes = new ArrayList<>();
        WARDS.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(ward -> {
            String code = "QU-Q1.DU-" + ward.getKey();
            unit(
                    code,
                    "QU-Q1",
                    UnitKind.GRASSROOTS_PARTY_COMMITTEE,
                    "Đảng ủy phường " + ward.getValue(),
                    "Đảng ủy phường " + ward.getValue(),
                    "ĐU",
                    "Phường " + ward.getValue(),
                    since);
            wardCodes.add(code);
        });

        // A term runs from the day after a congress closes to the closing day of the next one. The city's 11th
        // congress closed on 18 October 2020, its 2025 congress (the first of the merged city) on 15 October 2025.
        // The district's term ended with the district on 30 June 2025; its start (congress of 2020) is not checked.
        dispatches.registerPartyTerm(
                unitId("TU-HCM"), PARTY_TERM, LocalDate.of(2020, 10, 19), LocalDate.of(2025, 10, 15));
        dispatches.registerPartyTerm(unitId("TU-HCM"), NEXT_PARTY_TERM, LocalDate.of(2025, 10, 16), null);
        dispatches.registerPartyTerm(unitId("QU-Q1"), PARTY_TERM, LocalDate.of(2020, 10, 1), LAST_DAY_OF_DISTRICTS);

        organization.registerGroup(
                "QU-Q1.CAP-UY-CO-SO",
                "Cấp ủy cơ sở đảng",
                "Các cấp ủy cơ sở đảng trực thuộc Đảng bộ Quận 1",
                wardCodes);
        organization.registerGroup(
                "QU-Q1.MTTQ-CTXH",
                "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quận",
                "Ủy ban MTTQ Việt Nam quận và các tổ chức chính trị - xã hội quận",
                List.of("QU-Q1.MTTQ", "QU-Q1.DOAN", "QU-Q1.HLHPN", "QU-Q1.HCCB", "QU-Q1.LDLD"));
        organization.registerGroup(
                "QU-Q1.BCV", "Báo cáo viên cấp quận", "Đội ngũ báo cáo viên của Quận ủy", List.of("QU-Q1.BCV"));
        organization.registerGroup(
                "TU-HCM.BTG-QH",
                "Ban Tuyên giáo các quận ủy, huyện ủy",
                "Ban Tuyên giáo các quận ủy, huyện ủy và Thành ủy Thủ Đức",
                List.of("QU-Q1.BTG"));
    }

    /**
     * The 2025 reorganisation, after the units of 2023: the city's propaganda and mass mobilisation boards merged
     * on 3 February 2025; the district level ended on 30 June 2025 (its committee, board, Front, organisations and
     * wards), and the merged wards' Party committees, directly under the city's, took the old wards' work over on
     * 1 July 2025. An ended unit keeps its documents: 65-CV/BTGQU still prints Ban Tuyên giáo Quận ủy Quận 1.
     */
    private void reorganisation() {
        unit(
                "TU-HCM.BDV",
                "TU-HCM",
                UnitKind.PARTY_BOARD,
                "Ban Dân vận Thành ủy Thành phố Hồ Chí Minh",
                "Ban Dân vận",
                "BDVTU",
                "TP. Hồ Chí Minh",
                LocalDate.of(2020, 10, 1));
        unit(
                "TU-HCM.BTGDV",
                "TU-HCM",
                UnitKind.PARTY_BOARD,
                "Ban Tuyên giáo và Dân vận Thành ủy Thành phố Hồ Chí Minh",
                "Ban Tuyên giáo và Dân vận",
                "BTGDVTU",
                "TP. Hồ Chí Minh",
                FIRST_DAY_OF_MERGED_BOARD);
        for (String board : List.of("TU-HCM.BTG", "TU-HCM.BDV")) {
            organization.registerEnd(board, FIRST_DAY_OF_MERGED_BOARD, List.of("TU-HCM.BTGDV"));
        }

        List<String> newWards = new ArrayList<>();
        MERGED_WARD_NAMES.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(ward -> {
                    String code = "TU-HCM.DU-" + ward.getKey();
                    unit(
                            code,
                            "TU-HCM",
                            UnitKind.GRASSROOTS_PARTY_COMMITTEE,
                            "Đảng ủy phường " + ward.getValue(),
                            "Đảng ủy phường " + ward.getValue(),
                            "ĐU",
                            "Phường " + ward.getValue(),
                            FIRST_DAY_OF_MERGED_WARDS);
                    // The first term of the merged ward's Party committee (Đại hội lần thứ I, nhiệm kỳ 2025-2030)
                    // is counted from the day the committee was formed.
                    dispatches.registerPartyTerm(unitId(code), NEXT_PARTY_TERM, FIRST_DAY_OF_MERGED_WARDS, null);
                    newWards.add(code);
                });
        WARDS.keySet().stream()
                .sorted()
                .forEach(old -> organization.registerEnd(
                        "QU-Q1.DU-" + old,
                        FIRST_DAY_OF_MERGED_WARDS,
                        MERGED_WARDS.entrySet().stream()
                                .filter(merged -> merged.getValue().contains(old))
                                .map(merged -> "TU-HCM.DU-" + merged.getKey())
                                .sorted()
                                .toList()));
        // The district's own bodies end without a successor: there is no district level any more.
        organization.allUnits().stream()
                .map(UnitSummary::code)
                .filter(code -> code.equals("QU-Q1") || code.startsWith("QU-Q1."))
                .filter(code -> !code.startsWith("QU-Q1.DU-"))
                .forEach(code -> organization.registerEnd(code, FIRST_DAY_OF_MERGED_WARDS, List.of()));

        organization.registerGroup(
                "TU-HCM.DU-XA-PHUONG",
                "Đảng ủy các xã, phường, đặc khu",
                "Đảng ủy các xã, phường và đặc khu Côn Đảo trực thuộc Thành ủy (từ ngày 01/7/2025)",
                newWards);
    }

    private void unit(
            String code,
            String parentCode,
            UnitKind kind,
            String name,
            String shortName,
            String symbol,
            String place,
            LocalDate since) {
        organization.registerUnit(new NewUnit(code, parentCode, kind, name, shortName, symbol, place, since));
    }

    /**
     * 3080-CV/BTGTU itself is not among the samples: what the district dispatch says of it (number, date, issuer,
     * subject) is real; its addressees and body are a minimal reconstruction for the demo.
     */
    private DispatchReference cityDispatch(Consumer<Long> files) {
        Long issuer = unitId("TU-HCM.BTG");
        DispatchDraft draft = partyDispatch(issuer)
                .place("TP. Hồ Chí Minh")
                .subject("Về việc gửi tài liệu “" + BRIEFING_TITLE + "”")
                .body("Ban Tuyên giáo Thành ủy gửi tài liệu “" + BRIEFING_TITLE + "” để các đơn vị phổ biến đến "
                        + "cán bộ, đảng viên và Nhân dân.\n\nTrân trọng.")
                .visibility(Visibility.PUBLIC)
                .addressees(Recipient.group(
                        "Ban Tuyên giáo các quận ủy, huyện ủy và Thành ủy Thủ Đức", groupId("TU-HCM.BTG-QH")))
                .distribution(Recipient.text("Như trên"), Recipient.text("Lưu Ban Tuyên giáo Thành ủy"))
                .build();
        return dispatches.registerIssued(draft, new DocumentNumber(3080, "CV/BTGTU"), LocalDate.of(2023, 7, 10), files);
    }

    /** 65-CV/BTGQU, read from the sample text exactly as extracted from its PDF. */
    private DispatchReference districtDispatch(DispatchReference city, Consumer<Long> files) {
        DispatchText text = DispatchText.parse(resource("/demo/65-CV-BTGQU-cong-van.txt"));
        Map<String, Recipient> known = Map.of(
                "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quận",
                Recipient.group("Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quận", groupId("QU-Q1.MTTQ-CTXH")),
                "Cấp ủy cơ sở đảng",
                Recipient.group("Cấp ủy cơ sở đảng", groupId("QU-Q1.CAP-UY-CO-SO")),
                "Các đồng chí báo cáo viên cấp quận",
                Recipient.group("Các đồng chí báo cáo viên cấp quận", groupId("QU-Q1.BCV")),
                "Thường trực Quận ủy",
                Recipient.unit("Thường trực Quận ủy", unitId("QU-Q1.TT")));
        DispatchDraft draft = partyDispatch(unitId("QU-Q1.BTG"))
                .place(text.place())
                .subject(text.subject())
                .body(text.body())
                .signer(new Signer(null, null, null, text.signerName()))
                .visibility(Visibility.PUBLIC)
                .forwards(city.id())
                .forwardsReference("Công văn số 3080-CV/BTGTU ngày 10 tháng 7 năm 2023 của Ban Tuyên giáo Thành ủy")
                .addressees(text.addressees().stream()
                        .map(line -> known.getOrDefault(line, Recipient.text(line)))
                        .toList())
                .distribution(text.distribution().stream()
                        .map(line -> known.getOrDefault(line, Recipient.text(line)))
                        .toList())
                .build();
        return dispatches.registerIssued(
                draft, new DocumentNumber(text.number(), text.symbol()), text.issuedOn(), files);
    }

    /**
     * A restricted dispatch of the district board to one ward only, so that the access rules can be seen: the
     * ward's members see it, other wards and the public get 404. Its text is made up for the demo.
     */
    private DispatchReference restrictedDispatch(Consumer<Long> files) {
        DispatchDraft draft = partyDispatch(unitId("QU-Q1.BTG"))
                .place("Quận 1")
                .subject("Về việc tổ chức sinh hoạt chuyên đề tháng 8 năm 2023 tại Đảng bộ phường Bến Nghé")
                .body("Ban Tuyên giáo Quận ủy gửi Đảng ủy phường Bến Nghé hướng dẫn tổ chức sinh hoạt chuyên đề "
                        + "tháng 8 năm 2023 (đính kèm) để triển khai trong các chi bộ trực thuộc.\n\n"
                        + "Đề nghị Đảng ủy phường báo cáo kết quả về Ban Tuyên giáo Quận ủy trước ngày 31 tháng 8 "
                        + "năm 2023.\n\nTrân trọng.")
                .signer(new Signer(null, null, null, "Nguyễn Trung Châu Tuyên"))
                .visibility(Visibility.RESTRICTED)
                .addressees(Recipient.unit("Đảng ủy phường Bến Nghé", unitId("QU-Q1.DU-BENNGHE")))
                // Its text asks for a report by 31 August 2023: the deadline the ledger follows.
                .reportDueOn(LocalDate.of(2023, 8, 31))
                .distribution(Recipient.text("Như trên"), Recipient.text("Lưu Ban Tuyên giáo Quận ủy"))
                .build();
        return dispatches.registerIssued(draft, new DocumentNumber(66, "CV/BTGQU"), LocalDate.of(2023, 7, 20), files);
    }

    /**
     * A dispatch of the merged city board, after the reorganisation, straight to the merged wards' Party committees.
     * Its subject and addressees are those of a real dispatch of Ban Tuyên giáo và Dân vận Thành ủy reported on
     * 2 October 2025 (plo.vn, "Ban Tuyên giáo và Dân vận Thành ủy TP.HCM không tiếp khách, không nhận hoa, quà dịp 95
     * năm Ngày Truyền thống"); RECONSTRUCTED: its number (215), its date (1 October 2025) and its body were not
     * published and are made up for the demo.
     */
    private DispatchReference cityDispatchToTheWards() {
        DispatchDraft draft = partyDispatch(unitId("TU-HCM.BTGDV"))
                .place("TP. Hồ Chí Minh")
                .subject(WELFARE_NOTICE_SUBJECT)
                .body("Nhân kỷ niệm 95 năm Ngày Truyền thống công tác Dân vận của Đảng (15/10/1930 - 15/10/2025), "
                        + "Ban Tuyên giáo và Dân vận Thành ủy không tổ chức tiếp khách, không nhận hoa, quà chúc mừng "
                        + "của các cơ quan, đơn vị.\n\nBan Tuyên giáo và Dân vận Thành ủy trân trọng thông báo để "
                        + "các đơn vị biết.\n\nTrân trọng.")
                .visibility(Visibility.RESTRICTED)
                .addressees(Recipient.group(
                        "Thường trực Đảng ủy các xã, phường, đặc khu Côn Đảo", groupId("TU-HCM.DU-XA-PHUONG")))
                .distribution(Recipient.text("Như trên"), Recipient.text("Lưu Ban Tuyên giáo và Dân vận Thành ủy"))
                .build();
        return dispatches.registerIssued(draft, new DocumentNumber(215, "CV/BTGDVTU"), LocalDate.of(2025, 10, 1));
    }

    /** A Party công văn (CV) of the issuer; each sample says the rest. */
    private static DispatchDraft.Builder partyDispatch(Long issuer) {
        return DispatchDraft.builder().family(DispatchFamily.PARTY).type("CV").issuer(issuer);
    }

    /**
     * Attaches the PDF to a sample while it is still a draft: files change only on drafts, so a document registered
     * as issued gets its file before it is sent, not after.
     */
    private Consumer<Long> file(DemoPdf pdf, String title, AttachmentKind kind, String filename) {
        return dispatchId -> {
            try (InputStream in = Files.newInputStream(pdf.file())) {
                attachments.attach(new NewAttachment(dispatchId, title, kind, filename), in);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        };
    }

    /** A demo PDF typeset from a text resource into a temporary file the first time it is needed. */
    private static final class DemoPdf implements AutoCloseable {

        private final String resource;

        private final String title;

        private final String author;

        private final Calendar created;

        private Path file;

        DemoPdf(String resource, String title, String author, Calendar created) {
            this.resource = resource;
            this.title = title;
            this.author = author;
            this.created = created;
        }

        Path file() throws IOException {
            if (file == null) {
                Path written = Files.createTempFile("congvan-demo-", ".pdf");
                try (OutputStream out = Files.newOutputStream(written)) {
                    BriefingPdf.write(resource(resource), title, author, created, out);
                } catch (IOException | RuntimeException ex) {
                    Files.deleteIfExists(written);
                    throw ex;
                }
                file = written;
            }
            return file;
        }

        @Override
        public void close() {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private Long unitId(String code) {
        return organization.unitByCode(code).orElseThrow().id();
    }

    private Long groupId(String code) {
        return organization.groupByCode(code).orElseThrow().id();
    }

    private static String resource(String path) {
        try (InputStream in = DemoData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
