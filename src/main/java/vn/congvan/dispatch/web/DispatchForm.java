package vn.congvan.dispatch.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import vn.congvan.dispatch.DispatchDraft;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Signer;
import vn.congvan.dispatch.Urgency;
import vn.congvan.dispatch.Visibility;

/**
 * The drafting form. Recipients are picked as groups and units (printed under their names, groups first) and
 * completed by free lines, one per row ("Như trên", "Lưu Ban Tuyên giáo Quận ủy").
 */
public class DispatchForm {

    @NotNull(message = "{dispatch.form.family.required}")
    private DispatchFamily family = DispatchFamily.PARTY;

    @NotBlank(message = "{dispatch.form.type.required}")
    private String typeCode = "CV";

    @NotBlank(message = "{dispatch.form.subject.required}")
    @Size(max = 1000, message = "{dispatch.form.subject.size}")
    private String subject;

    @NotBlank(message = "{dispatch.form.body.required}")
    @Size(max = 100_000, message = "{dispatch.form.body.size}")
    private String body;

    @Size(max = 120, message = "{dispatch.form.place.size}")
    private String place;

    @Size(max = 20, message = "{dispatch.form.signer.size}")
    private String signerCompetence;

    @Size(max = 255, message = "{dispatch.form.signer.size}")
    private String signerAuthority;

    @Size(max = 255, message = "{dispatch.form.signer.size}")
    private String signerPosition;

    @Size(max = 255, message = "{dispatch.form.signer.size}")
    private String signerName;

    @NotNull(message = "{dispatch.form.urgency.required}")
    private Urgency urgency = Urgency.NORMAL;

    @NotNull(message = "{dispatch.form.visibility.required}")
    private Visibility visibility = Visibility.RESTRICTED;

    private Set<Long> addresseeGroups = new LinkedHashSet<>();

    private Set<Long> addresseeUnits = new LinkedHashSet<>();

    @Size(max = 5000, message = "{dispatch.form.lines.size}")
    private String addresseeLines = "";

    private Set<Long> distributionGroups = new LinkedHashSet<>();

    private Set<Long> distributionUnits = new LinkedHashSet<>();

    @Size(max = 5000, message = "{dispatch.form.lines.size}")
    private String distributionLines = "Như trên";

    @Size(max = 500, message = "{dispatch.form.forwards.size}")
    private String forwardsReference;

    private long version;

    /** Hạn báo cáo: optional; the draft refuses a day already past, the publication one before the issue date. */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate reportDueOn;

    @AssertTrue(message = "{dispatch.form.addressees.required}")
    public boolean isAddresseesGiven() {
        return !addresseeGroups.isEmpty()
                || !addresseeUnits.isEmpty()
                || !lines(addresseeLines).isEmpty();
    }

    /** Each printed line becomes one recipient line, which holds at most 500 characters. */
    @AssertTrue(message = "{dispatch.form.lines.lineSize}")
    public boolean isLinesShortEnough() {
        return lines(addresseeLines).stream().allMatch(line -> line.length() <= 500)
                && lines(distributionLines).stream().allMatch(line -> line.length() <= 500);
    }

    DispatchDraft toDraft(Long issuerUnitId, Map<Long, String> groupNames, Map<Long, String> unitNames) {
        boolean signed = !blank(signerName) || !blank(signerCompetence) || !blank(signerPosition);
        return DispatchDraft.builder()
                .family(family)
                .type(typeCode)
                .issuer(issuerUnitId)
                .place(place)
                .subject(subject)
                .body(body)
                .signer(
                        signed
                                ? new Signer(
                                        trim(signerCompetence),
                                        trim(signerAuthority),
                                        trim(signerPosition),
                                        trim(signerName))
                                : null)
                .urgency(urgency)
                .visibility(visibility)
                .forwardsReference(trim(forwardsReference))
                .addressees(recipients(addresseeGroups, addresseeUnits, addresseeLines, groupNames, unitNames))
                .distribution(
                        recipients(distributionGroups, distributionUnits, distributionLines, groupNames, unitNames))
                .reportDueOn(reportDueOn)
                .build();
    }

    static DispatchForm of(DispatchDraft draft, long version) {
        DispatchForm form = new DispatchForm();
        form.family = draft.family();
        form.typeCode = draft.typeCode();
        form.subject = draft.subject();
        form.body = draft.body();
        form.place = draft.place();
        if (draft.signer() != null) {
            form.signerCompetence = draft.signer().competence();
            form.signerAuthority = draft.signer().authority();
            form.signerPosition = draft.signer().position();
            form.signerName = draft.signer().fullName();
        }
        form.urgency = draft.urgency();
        form.visibility = draft.visibility();
        form.forwardsReference = draft.forwardsReference();
        form.addresseeLines = split(draft.addressees(), form.addresseeGroups, form.addresseeUnits);
        form.distributionLines = split(draft.distribution(), form.distributionGroups, form.distributionUnits);
        form.version = version;
        form.reportDueOn = draft.reportDueOn();
        return form;
    }

    private static String split(List<Recipient> recipients, Set<Long> groups, Set<Long> units) {
        List<String> text = new ArrayList<>();
        for (Recipient recipient : recipients) {
            if (recipient.groupId() != null) {
                groups.add(recipient.groupId());
            } else if (recipient.unitId() != null) {
                units.add(recipient.unitId());
            } else {
                text.add(recipient.printedText());
            }
        }
        return String.join("\n", text);
    }

    private static List<Recipient> recipients(
            Set<Long> groups,
            Set<Long> units,
            String lines,
            Map<Long, String> groupNames,
            Map<Long, String> unitNames) {
        List<Recipient> recipients = new ArrayList<>();
        groups.stream()
                .filter(groupNames::containsKey)
                .forEach(id -> recipients.add(Recipient.group(groupNames.get(id), id)));
        units.stream()
                .filter(unitNames::containsKey)
                .forEach(id -> recipients.add(Recipient.unit(unitNames.get(id), id)));
        lines(lines).forEach(line -> recipients.add(Recipient.text(line)));
        return recipients;
    }

    private static List<String> lines(String text) {
        return text == null
                ? List.of()
                : text.lines()
                        .map(String::strip)
                        .map(line -> line.replaceAll("^[-–]\\s*", "").replaceAll("[,;.]$", ""))
                        .filter(line -> !line.isBlank())
                        .toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.strip();
    }

    public LocalDate getReportDueOn() {
        return reportDueOn;
    }

    public void setReportDueOn(LocalDate reportDueOn) {
        this.reportDueOn = reportDueOn;
    }

    public DispatchFamily getFamily() {
        return family;
    }

    public void setFamily(DispatchFamily family) {
        this.family = family;
    }

    public String getTypeCode() {
        return typeCode;
    }

    public void setTypeCode(String typeCode) {
        this.typeCode = typeCode;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getSignerCompetence() {
        return signerCompetence;
    }

    public void setSignerCompetence(String signerCompetence) {
        this.signerCompetence = signerCompetence;
    }

    public String getSignerAuthority() {
        return signerAuthority;
    }

    public void setSignerAuthority(String signerAuthority) {
        this.signerAuthority = signerAuthority;
    }

    public String getSignerPosition() {
        return signerPosition;
    }

    public void setSignerPosition(String signerPosition) {
        this.signerPosition = signerPosition;
    }

    public String getSignerName() {
        return signerName;
    }

    public void setSignerName(String signerName) {
        this.signerName = signerName;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public void setVisibility(Visibility visibility) {
        this.visibility = visibility;
    }

    public Set<Long> getAddresseeGroups() {
        return addresseeGroups;
    }

    public void setAddresseeGroups(Set<Long> addresseeGroups) {
        this.addresseeGroups = addresseeGroups == null ? new LinkedHashSet<>() : addresseeGroups;
    }

    public Set<Long> getAddresseeUnits() {
        return addresseeUnits;
    }

    public void setAddresseeUnits(Set<Long> addresseeUnits) {
        this.addresseeUnits = addresseeUnits == null ? new LinkedHashSet<>() : addresseeUnits;
    }

    public String getAddresseeLines() {
        return addresseeLines;
    }

    public void setAddresseeLines(String addresseeLines) {
        this.addresseeLines = addresseeLines;
    }

    public Set<Long> getDistributionGroups() {
        return distributionGroups;
    }

    public void setDistributionGroups(Set<Long> distributionGroups) {
        this.distributionGroups = distributionGroups == null ? new LinkedHashSet<>() : distributionGroups;
    }

    public Set<Long> getDistributionUnits() {
        return distributionUnits;
    }

    public void setDistributionUnits(Set<Long> distributionUnits) {
        this.distributionUnits = distributionUnits == null ? new LinkedHashSet<>() : distributionUnits;
    }

    public String getDistributionLines() {
        return distributionLines;
    }

    public void setDistributionLines(String distributionLines) {
        this.distributionLines = distributionLines;
    }

    public String getForwardsReference() {
        return forwardsReference;
    }

    public void setForwardsReference(String forwardsReference) {
        this.forwardsReference = forwardsReference;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
