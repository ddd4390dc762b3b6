package vn.congvan.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.CongvanIntegrationTest;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.TestUsers;
import vn.congvan.dispatch.DispatchDraft;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.DispatchManagement;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Signer;
import vn.congvan.dispatch.Urgency;
import vn.congvan.dispatch.Visibility;
import vn.congvan.organization.OrganizationAdministration;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitDetails;
import vn.congvan.organization.UnitKind;
import vn.congvan.organization.UnitSummary;
import vn.congvan.organization.Units;

/**
 * Each type laid out as a real document of that type (src/test/resources/reference-documents, each naming its
 * source): the document is drafted and published as the reference was, and the parts a clerk checks on paper are read
 * back from the rendered page: title, where the subject sits, number line, place and date, Kính gửi, urgency mark,
 * Nơi nhận in order, signer block (ADR 0035).
 */
@CongvanIntegrationTest
class ReferenceDocumentsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizationAdministration administration;

    @Autowired
    OrganizationDirectory organization;

    @Autowired
    DispatchManagement management;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "party-cong-van-65-CV-BTGQU",
                "party-huong-dan-06-HD-UBKTTW",
                "state-quyet-dinh-216-QD-UBND",
                "state-cong-van-73-UBND-TH",
                "state-ke-hoach-4544-KH-UBND"
            })
    void eachTypeIsLaidOutAsItsReferenceDocument(String name) throws Exception {
        Reference reference = reference(name);

        Rendered page = publishAndRender(reference, reference.urgency());

        Expected expected = reference.expected();
        assertThat(page.one("document__type")).isEqualTo(expected.title());
        assertThat(page.one("document__title-subject")).isEqualTo(expected.subjectUnderTitle());
        assertThat(page.one("document__subject")).isEqualTo(expected.subjectUnderNumber());
        assertThat(page.one("document__number")).isEqualTo(expected.numberLine());
        assertThat(page.one("document__date")).isEqualTo(expected.placeAndDate());
        assertThat(page.one("document__urgency")).isEqualTo(expected.urgency());
        assertThat(page.inlineAddressees()).isEqualTo(expected.addresseesInline());
        assertThat(page.items("div", "document__addressees")).isEqualTo(expected.addresseeLines());
        assertThat(page.items("div", "document__distribution")).isEqualTo(expected.distributionLines());
        assertThat(page.signerLines()).isEqualTo(expected.signerLines());
        if (expected.title() != null) {
            // The title and its subject come after the header band, in the middle of the page.
            assertThat(page.html().indexOf("document__type"))
                    .isGreaterThan(page.html().indexOf("document__date"));
        }
    }

    @Test
    void theUrgencyMarkStandsUnderTheNumberBlock() throws Exception {
        Reference reference = reference("party-cong-van-65-CV-BTGQU");

        Rendered page = publishAndRender(reference, Urgency.FLASH);

        assertThat(page.one("document__urgency")).isEqualTo("HỎA TỐC");
        assertThat(page.html().indexOf("document__urgency"))
                .isGreaterThan(page.html().indexOf("document__subject"))
                .isLessThan(page.html().indexOf("document__nation"));
    }

    @Test
    void aSingleAddresseeIsPrintedOnTheKinhGuiLineWithoutADash() throws Exception {
        Reference sample = reference("party-cong-van-65-CV-BTGQU");
        Reference reference = new Reference(
                sample.source(),
                sample.differences(),
                sample.issuer(),
                sample.family(),
                sample.type(),
                sample.number(),
                sample.issuedOn(),
                sample.subject(),
                sample.urgency(),
                List.of(new Line("Cấp ủy cơ sở đảng", true)),
                sample.distribution(),
                sample.signer(),
                sample.expected());

        Rendered page = publishAndRender(reference, Urgency.NORMAL);

        assertThat(page.inlineAddressees()).isEqualTo("Kính gửi: Cấp ủy cơ sở đảng.");
        assertThat(page.items("div", "document__addressees")).isEmpty();
    }

    @Test
    void aDraftLeavesTheNumberAndTheDayBlankAsOnPaper() throws Exception {
        Reference reference = reference("party-cong-van-65-CV-BTGQU");
        Issued issued = issue(reference);
        Long id = management.createDraft(draft(reference, issued, reference.urgency()), issued.clerk());

        Rendered page = render(id, issued.clerk());

        String blank = "\u00a0".repeat(5);
        assertThat(page.one("document__number")).isEqualTo("Số" + blank + "-CV/BTGQU");
        assertThat(page.one("document__date")).matches("Quận 1, ngày" + blank + "tháng" + blank + "năm \\d{4}");
    }

    private Rendered publishAndRender(Reference reference, Urgency urgency) throws Exception {
        Issued issued = issue(reference);
        Long id = management.createDraft(draft(reference, issued, urgency), issued.clerk());
        management.publish(id, reference.number(), reference.issuedOn(), issued.clerk());
        return render(id, issued.clerk());
    }

    private Rendered render(Long id, CurrentUser clerk) throws Exception {
        String html = mvc.perform(get("/quan-ly/cong-van/" + id).with(user(clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int start = html.indexOf("<article class=\"document\"");
        return new Rendered(html.substring(start, html.indexOf("</article>", start)));
    }

    /** The issuer of the reference, made anew (a Party board under its committee, with a term; or a state body). */
    private Issued issue(Reference reference) {
        Issuer issuer = reference.issuer();
        UnitSummary unit;
        if (reference.family() == DispatchFamily.PARTY) {
            UnitSummary committee = administration.createUnit(
                    null,
                    UnitKind.PARTY_COMMITTEE,
                    Units.uniqueCode("REF"),
                    new UnitDetails(issuer.superior(), issuer.superior(), "TW", issuer.place()),
                    null);
            management.registerPartyTerm(committee.id(), "Khóa thử", issuer.termFrom(), null);
            unit = administration.createUnit(
                    committee.id(),
                    UnitKind.PARTY_BOARD,
                    Units.uniqueCode("REF"),
                    new UnitDetails(issuer.name(), issuer.shortName(), issuer.symbol(), issuer.place()),
                    null);
        } else {
            unit = administration.createUnit(
                    null,
                    UnitKind.STATE_AGENCY,
                    Units.uniqueCode("REF"),
                    new UnitDetails(issuer.name(), issuer.shortName(), issuer.symbol(), issuer.place()),
                    null);
        }
        return new Issued(unit, new TestUsers(organization).clerk(unit.code()));
    }

    private DispatchDraft draft(Reference reference, Issued issued, Urgency urgency) {
        Signer signer = reference.signer() == null
                ? null
                : new Signer(
                        reference.signer().competence(),
                        reference.signer().authority(),
                        reference.signer().position(),
                        reference.signer().name());
        return DispatchDraft.builder()
                .family(reference.family())
                .type(reference.type())
                .issuer(issued.unit().id())
                .subject(reference.subject())
                .body("Nội dung.")
                .signer(signer)
                .urgency(urgency)
                .visibility(Visibility.RESTRICTED)
                .addressees(recipients(reference.addressees(), issued.unit()))
                .distribution(recipients(reference.distribution(), issued.unit()))
                .build();
    }

    /** The lines marked as units name a unit made for them, so the document reaches someone and can be published. */
    private List<Recipient> recipients(List<Line> lines, UnitSummary parent) {
        List<Recipient> recipients = new ArrayList<>();
        for (Line line : lines) {
            recipients.add(
                    line.unit()
                            ? Recipient.unit(
                                    line.text(),
                                    Units.ward(administration, parent, line.text(), null)
                                            .id())
                            : Recipient.text(line.text()));
        }
        return recipients;
    }

    private static Reference reference(String name) throws IOException {
        try (InputStream in = ReferenceDocumentsIntegrationTests.class.getResourceAsStream(
                "/reference-documents/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return JSON.readValue(in, Reference.class);
        }
    }

    record Issued(UnitSummary unit, CurrentUser clerk) {}

    /** The parts of the document as the page renders them, read from its markup. */
    record Rendered(String html) {

        /** The text of the one element of that class, or null when the page has none. */
        String one(String cssClass) {
            Matcher matcher = Pattern.compile(
                            "<(\\w+) class=\"" + Pattern.quote(cssClass) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                    .matcher(html);
            return matcher.find() ? text(matcher.group(2)) : null;
        }

        List<String> items(String element, String cssClass) {
            Matcher block = Pattern.compile(
                            "<" + element + " class=\"" + Pattern.quote(cssClass) + "\"[^>]*>(.*?)</" + element + ">",
                            Pattern.DOTALL)
                    .matcher(html);
            List<String> items = new ArrayList<>();
            if (block.find()) {
                Matcher item =
                        Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(block.group(1));
                while (item.find()) {
                    items.add(text(item.group(1)));
                }
            }
            return items;
        }

        String inlineAddressees() {
            Matcher matcher = Pattern.compile("<p class=\"document__addressees\"[^>]*>(.*?)</p>", Pattern.DOTALL)
                    .matcher(html);
            return matcher.find() ? text(matcher.group(1)) : null;
        }

        List<String> signerLines() {
            List<String> lines = new ArrayList<>();
            for (String part : List.of("document__competence", "document__position", "document__signer-name")) {
                String line = one(part);
                if (line != null) {
                    lines.add(line);
                }
            }
            return lines;
        }

        private static String text(String markup) {
            return HtmlUtils.htmlUnescape(markup.replaceAll("<[^>]+>", " "))
                    .replaceAll("[ \\t\\r\\n]+", " ")
                    .strip();
        }
    }

    record Reference(
            String source,
            List<String> differences,
            Issuer issuer,
            DispatchFamily family,
            String type,
            int number,
            LocalDate issuedOn,
            String subject,
            Urgency urgency,
            List<Line> addressees,
            List<Line> distribution,
            SignerParts signer,
            Expected expected) {}

    record Issuer(String superior, String name, String shortName, String symbol, String place, LocalDate termFrom) {}

    record Line(String text, boolean unit) {}

    record SignerParts(String competence, String authority, String position, String name) {}

    record Expected(
            String title,
            String subjectUnderNumber,
            String subjectUnderTitle,
            String numberLine,
            String placeAndDate,
            String urgency,
            String addresseesInline,
            List<String> addresseeLines,
            List<String> distributionLines,
            List<String> signerLines) {}
}
