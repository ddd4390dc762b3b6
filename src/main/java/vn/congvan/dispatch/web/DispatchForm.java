package vn.congvan.dispatch.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import vn.congvan.organization.UnitSummary;

/**
 * The drafting form. "Kính gửi" is picked as groups and units (printed under their names, groups first) and completed
 * by free lines, one per row. "Nơi nhận" is a list of rows in the clerk's order, each with its printed text (which the
 * clerk may change; a unit or group row keeps its id for delivery) and its place; units and groups picked, and lines
 * typed, join the list where a distribution list has them ({@link #arrange}).
 */
public class DispatchForm {

    /** "Như trên": the distribution line that stands for the addressees, first by custom. */
    private static final String AS_ABOVE = "Như trên";

    /** The longest subject the form takes; a citation asked for a longer one is refused with that said (ADR 0065). */
    static final int SUBJECT_MAX = 1000;

    @NotNull(message = "{dispatch.form.family.required}")
    private DispatchFamily family = DispatchFamily.PARTY;

    @NotBlank(message = "{dispatch.form.type.required}")
    private String typeCode = "CV";

    @NotBlank(message = "{dispatch.form.subject.required}")
    @Size(max = SUBJECT_MAX, message = "{dispatch.form.subject.size}")
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
    private String distributionLines = "";

    @Size(max = 500, message = "{dispatch.form.lines.size}")
    private List<DistributionRow> distributionRows = new ArrayList<>();

    @Size(max = 500, message = "{dispatch.form.forwards.size}")
    private String forwardsReference;

    private long version;

    /** Hạn báo cáo: optional; the draft refuses a day already past, the publication one before the issue date. */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate reportDueOn;

    /** A new draft's form: "Như trên" heads the distribution, as it does on almost every document. */
    static DispatchForm blank() {
        DispatchForm form = new DispatchForm();
        form.distributionRows.add(new DistributionRow("", AS_ABOVE, 1));
        return form;
    }

    /** Whether "Kính gửi" names anyone; required only of the types that use it (the controller asks). */
    public boolean isAddresseesGiven() {
        return !addresseeGroups.isEmpty()
                || !addresseeUnits.isEmpty()
                || !lines(addresseeLines).isEmpty();
    }

    /** Each printed line becomes one recipient line, which holds at most 500 characters. */
    @AssertTrue(message = "{dispatch.form.lines.lineSize}")
    public boolean isLinesShortEnough() {
        return lines(addresseeLines).stream().allMatch(line -> line.length() <= 500)
                && lines(distributionLines).stream().allMatch(line -> line.length() <= 500)
                && distributionRows.stream()
                        .allMatch(row -> row.text == null || row.text.strip().length() <= 500);
    }

    DispatchDraft toDraft(Long issuerUnitId, Map<Long, String> groupNames, Map<Long, UnitSummary> units) {
        Map<Long, String> unitNames = new java.util.HashMap<>();
        units.forEach((id, unit) -> unitNames.put(id, unit.name()));
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
                .distribution(arranged(groupNames, units).stream()
                        .map(DistributionRow::toRecipient)
                        .toList())
                .reportDueOn(reportDueOn)
                .build();
    }

    /**
     * Puts the distribution rows in their final order and numbers them 1, 2, ..., as the form shows them again: rows
     * in the order of their positions (ties in the order posted), without the units and groups no longer picked and
     * without emptied text rows; then, as a clerk writes a distribution list, "Như trên" first, newly picked groups
     * and units and newly typed lines before the "Lưu ..." lines, and "Lưu ..." last.
     */
    void arrange(Map<Long, String> groupNames, Map<Long, UnitSummary> units) {
        distributionRows = arranged(groupNames, units);
        distributionLines = "";
    }

    /** Moves the row at that index one place up (-1) or down (+1) after arranging the list; other moves are ignored. */
    void move(int index, int by) {
        int target = index + by;
        if (index >= 0 && index < distributionRows.size() && target >= 0 && target < distributionRows.size()) {
            distributionRows.add(target, distributionRows.remove(index));
            for (int i = 0; i < distributionRows.size(); i++) {
                distributionRows.get(i).position = i + 1;
            }
        }
    }

    private List<DistributionRow> arranged(Map<Long, String> groupNames, Map<Long, UnitSummary> units) {
        // Rows without a number go last; the sort is stable, so ties keep the order they were posted in.
        List<DistributionRow> posted = new ArrayList<>();
        for (DistributionRow row : distributionRows) {
            if (row != null) {
                posted.add(new DistributionRow(row.target, row.text, row.position));
            }
        }
        posted.sort(Comparator.comparing(row -> row.position, Comparator.nullsLast(Comparator.naturalOrder())));
        List<DistributionRow> rows = new ArrayList<>();
        Set<String> kept = new LinkedHashSet<>();
        for (DistributionRow row : posted) {
            Long group = row.id('g');
            Long unit = row.id('u');
            if (group != null && distributionGroups.contains(group) && groupNames.containsKey(group)) {
                rows.add(
                        new DistributionRow(row.target, blank(row.text) ? groupNames.get(group) : row.text.strip(), 0));
            } else if (unit != null && distributionUnits.contains(unit) && units.containsKey(unit)) {
                rows.add(new DistributionRow(
                        row.target, blank(row.text) ? printedName(units.get(unit)) : row.text.strip(), 0));
            } else if (group == null && unit == null && !blank(row.text)) {
                rows.add(new DistributionRow("", row.text.strip(), 0));
            } else {
                continue;
            }
            kept.add(row.target);
        }
        List<DistributionRow> added = new ArrayList<>();
        distributionGroups.stream()
                .filter(id -> groupNames.containsKey(id) && !kept.contains("g" + id))
                .forEach(id -> added.add(new DistributionRow("g" + id, groupNames.get(id), 0)));
        distributionUnits.stream()
                .filter(id -> units.containsKey(id) && !kept.contains("u" + id))
                .forEach(id -> added.add(new DistributionRow("u" + id, printedName(units.get(id)), 0)));
        List<DistributionRow> archive = new ArrayList<>();
        for (String line : lines(distributionLines)) {
            if (line.equalsIgnoreCase(AS_ABOVE)) {
                if (rows.stream().noneMatch(DistributionRow::isAsAbove)) {
                    rows.add(0, new DistributionRow("", line, 0));
                }
            } else if (isArchive(line)) {
                archive.add(new DistributionRow("", line, 0));
            } else {
                added.add(new DistributionRow("", line, 0));
            }
        }
        int firstArchive = 0;
        while (firstArchive < rows.size()
                && !(rows.get(firstArchive).target.isEmpty() && isArchive(rows.get(firstArchive).text))) {
            firstArchive++;
        }
        rows.addAll(firstArchive, added);
        rows.addAll(archive);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).position = i + 1;
        }
        return rows;
    }

    /** A unit in "Nơi nhận" reads best under its short name ("Thường trực Quận ủy"), where it has one. */
    private static String printedName(UnitSummary unit) {
        return blank(unit.shortName()) ? unit.name() : unit.shortName();
    }

    private static boolean isArchive(String line) {
        return line.regionMatches(true, 0, "Lưu", 0, 3);
    }

    /**
     * One row of "Nơi nhận" on the form: what it names ({@code target}: "u12" a unit, "g3" a group, empty a text line),
     * its printed text and its place in the list.
     */
    public static class DistributionRow {

        private String target = "";

        private String text;

        private Integer position;

        public DistributionRow() {}

        DistributionRow(String target, String text, Integer position) {
            this.target = target == null ? "" : target.strip();
            this.text = text;
            this.position = position;
        }

        static DistributionRow of(Recipient recipient, int position) {
            String target = recipient.groupId() != null
                    ? "g" + recipient.groupId()
                    : recipient.unitId() != null ? "u" + recipient.unitId() : "";
            return new DistributionRow(target, recipient.printedText(), position);
        }

        /** The id the target names with that prefix ('u' or 'g'), or null. */
        Long id(char prefix) {
            if (target.length() < 2 || target.charAt(0) != prefix) {
                return null;
            }
            try {
                return Long.valueOf(target.substring(1));
            } catch (NumberFormatException ex) {
                return null;
            }
        }

        boolean isAsAbove() {
            return target.isEmpty() && AS_ABOVE.equalsIgnoreCase(text);
        }

        Recipient toRecipient() {
            Long group = id('g');
            Long unit = id('u');
            return group != null
                    ? Recipient.group(text, group)
                    : unit != null ? Recipient.unit(text, unit) : Recipient.text(text);
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target == null ? "" : target.strip();
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public Integer getPosition() {
            return position;
        }

        public void setPosition(Integer position) {
            this.position = position;
        }
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
        for (Recipient recipient : draft.distribution()) {
            if (recipient.groupId() != null) {
                form.distributionGroups.add(recipient.groupId());
            } else if (recipient.unitId() != null) {
                form.distributionUnits.add(recipient.unitId());
            }
            form.distributionRows.add(DistributionRow.of(recipient, form.distributionRows.size() + 1));
        }
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

    public List<DistributionRow> getDistributionRows() {
        return distributionRows;
    }

    public void setDistributionRows(List<DistributionRow> distributionRows) {
        this.distributionRows = distributionRows == null ? new ArrayList<>() : distributionRows;
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
