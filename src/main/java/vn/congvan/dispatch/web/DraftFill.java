package vn.congvan.dispatch.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.congvan.dispatch.Citation;
import vn.congvan.dispatch.DispatchFamily;
import vn.congvan.dispatch.Urgency;
import vn.congvan.extraction.BodyNameCase;
import vn.congvan.extraction.Extraction;

/**
 * The drafting form filled from the fields read from a file, taken as the draft itself (a Word draft, a copy to
 * reuse): family, type, subject, place, "Kính gửi" and "Nơi nhận" lines, signer (ADR 0045). A field the clerk has
 * typed is kept and named; the lists (family, type), which always hold a value, take what the file says. The file's
 * own number and date are not the draft's, which is numbered when published. Another body's document is cited, not
 * copied: only the citation and the subject are filled, and the fields that belong to that body are named as left
 * (ADR 0065). The same mapping is declared for the script on the form ({@code dispatch/form.html}, {@code fill.js}).
 */
final class DraftFill {

    private static final String AS_ABOVE = "Như trên";

    /** The form fields filled, each with "sure" or "check". */
    private final Map<String, String> marks = new LinkedHashMap<>();

    /** The form fields that had a value and kept it, by their label's message key. */
    private final List<String> kept = new ArrayList<>();

    /** The fields read from another body's document and not filled, by their label's message key. */
    private final List<String> left = new ArrayList<>();

    /** Whether the file is another body's document, cited rather than copied: its signer and lists are not the draft's. */
    private boolean cited;

    private DraftFill() {}

    static DraftFill fill(DispatchForm form, Extraction read, Map<String, String> types) {
        return fill(form, read, types, null);
    }

    /**
     * The same for a draft of {@code issuer}: a file that is another body's issued document (it has its số and date,
     * and is not the issuer's own, {@link DraftingUnit#owns}) is the document the draft implements or forwards, so
     * the "Thực hiện văn bản" field and an empty body take its citation, as a draft started from the incoming register
     * does; the subject is filled, the matter being the same; the family, type, place, "Kính gửi", "Nơi nhận" and
     * signer are that body's, not the draft's, and are left as they were and named (ADR 0065).
     */
    static DraftFill fill(DispatchForm form, Extraction read, Map<String, String> types, DraftingUnit issuer) {
        DraftFill fill = new DraftFill();
        if (issuer != null) {
            fill.cite(form, read, issuer);
        }
        if (read.subject() != null) {
            if (blank(form.getSubject())) {
                form.setSubject(read.subject());
                if (fill.cited) {
                    // The other body's wording of the matter: the clerk makes it the draft's own.
                    fill.marks.put("subject", "check");
                } else {
                    fill.mark("subject", read, "subject");
                }
            } else {
                fill.kept.add("dispatch.form.subject");
            }
        }
        if (fill.cited) {
            fill.leaveForeign(read, types);
            return fill;
        }
        if (read.family() != null) {
            form.setFamily(DispatchFamily.valueOf(read.family().name()));
            fill.mark("family", read, "family");
        }
        String type = read.typeCodeIn(types);
        if (type != null) {
            form.setTypeCode(type);
            fill.mark("typeCode", read, "typeName");
        }
        if (read.place() != null) {
            if (blank(form.getPlace())) {
                form.setPlace(read.place());
                fill.mark("place", read, "place");
            } else {
                fill.kept.add("dispatch.form.place");
            }
        }
        if (read.addressees() != null && !read.addressees().isEmpty()) {
            if (blank(form.getAddresseeLines())
                    && form.getAddresseeGroups().isEmpty()
                    && form.getAddresseeUnits().isEmpty()) {
                form.setAddresseeLines(String.join("\n", read.addressees()));
                fill.mark("addresseeLines", read, "addressees");
            } else {
                fill.kept.add("dispatch.form.addressees");
            }
        }
        if (read.distribution() != null && !read.distribution().isEmpty()) {
            // A new draft's list holds "Như trên" alone: that is nothing typed yet. The lines join the list when the
            // form is arranged, "Như trên" once and first, "Lưu ..." last.
            boolean untouched = blank(form.getDistributionLines())
                    && form.getDistributionGroups().isEmpty()
                    && form.getDistributionUnits().isEmpty()
                    && form.getDistributionRows().stream().allMatch(row -> AS_ABOVE.equalsIgnoreCase(row.getText()));
            if (untouched) {
                form.setDistributionLines(String.join("\n", read.distribution()));
                fill.mark("distribution", read, "distribution");
            } else {
                fill.kept.add("dispatch.form.distribution");
            }
        }
        if (read.signer() != null) {
            fill.signer(form, read);
        }
        // The mark printed on the file ("HỎA TỐC") is the draft's urgency; a file without one leaves the clerk's.
        Urgency urgency = urgencyOf(read.urgency());
        if (urgency != null) {
            form.setUrgency(urgency);
            fill.mark("urgency", read, "urgency");
        }
        return fill;
    }

    private static Urgency urgencyOf(String mark) {
        for (Urgency urgency : Urgency.values()) {
            if (urgency.isMarked() && urgency.mark().equals(mark)) {
                return urgency;
            }
        }
        return null;
    }

    /** Names, by their labels, the fields read from another body's document that are that body's and not filled. */
    private void leaveForeign(Extraction read, Map<String, String> types) {
        if (read.family() != null) {
            left.add("dispatch.form.family");
        }
        if (read.typeCodeIn(types) != null) {
            left.add("dispatch.form.type");
        }
        if (read.place() != null) {
            left.add("dispatch.form.place");
        }
        if (read.addressees() != null && !read.addressees().isEmpty()) {
            left.add("dispatch.form.addressees");
        }
        if (read.distribution() != null && !read.distribution().isEmpty()) {
            left.add("dispatch.form.distribution");
        }
        if (read.signer() != null
                && (read.signer().competence() != null
                        || read.signer().position() != null
                        || read.signer().fullName() != null)) {
            left.add("dispatch.form.signer");
        }
    }

    private void cite(DispatchForm form, Extraction read, DraftingUnit issuer) {
        String reference = citation(read, issuer);
        if (reference == null) {
            return;
        }
        cited = true;
        if (blank(form.getForwardsReference())) {
            form.setForwardsReference(reference);
            markAll("forwardsReference", read, "number", "notation", "issuedOn", "issuer", "typeName");
        } else {
            kept.add("dispatch.form.forwards");
        }
        if (blank(form.getBody())) {
            form.setBody(Citation.opening(reference, read.subject()));
            markAll("body", read, "number", "notation", "issuedOn", "issuer", "typeName", "subject");
        } else {
            kept.add("dispatch.form.body");
        }
    }

    /**
     * "Công văn số 454/UBND-NCTH ngày 06 tháng 4 năm 2011 của Ủy ban nhân dân tỉnh Hậu Giang" when what was read is
     * another body's issued document; null when it is not issued (no số or date) or is the issuer's own.
     */
    static String citation(Extraction read, DraftingUnit issuer) {
        if (read.number() == null || read.notation() == null || read.issuedOn() == null || issuer.owns(read)) {
            return null;
        }
        String sender = BodyNameCase.ofHeading(read.issuer(), read.issuerParent());
        String typeName = read.typeName() == null ? null : sentence(read.typeName());
        return Citation.reference(typeName, read.numberAndNotation(), read.issuedOn(), sender);
    }

    /** "CÔNG VĂN" as a citation writes it: "Công văn". */
    private static String sentence(String typeName) {
        String lower = typeName.strip().toLowerCase(java.util.Locale.forLanguageTag("vi"));
        return lower.isEmpty()
                ? lower
                : lower.substring(0, 1).toUpperCase(java.util.Locale.forLanguageTag("vi")) + lower.substring(1);
    }

    /** Sure only when every part the field was made of was read by a sure rule (a part not read does not count). */
    private void markAll(String field, Extraction read, String... parts) {
        boolean sure = true;
        for (String part : parts) {
            sure &= !read.confidence().containsKey(part) || read.sure(part);
        }
        marks.put(field, sure ? "sure" : "check");
    }

    /** "K/T TRƯỞNG BAN" is the mark K/T, chosen from the list, and the authority "TRƯỞNG BAN". */
    private void signer(DispatchForm form, Extraction read) {
        String competence = read.signer().competence();
        if (competence != null) {
            String mark = competenceMark(competence, form.getFamily());
            String authority = mark == null
                    ? competence
                    : competence.substring(mark.length()).strip();
            if (blank(form.getSignerCompetence()) && blank(form.getSignerAuthority())) {
                if (mark != null) {
                    form.setSignerCompetence(mark);
                    mark("signerCompetence", read, "signer.competence");
                }
                if (!authority.isEmpty()) {
                    form.setSignerAuthority(authority);
                    mark("signerAuthority", read, "signer.competence");
                }
            } else {
                kept.add("dispatch.form.signerCompetence");
            }
        }
        if (read.signer().position() != null) {
            if (blank(form.getSignerPosition())) {
                form.setSignerPosition(read.signer().position());
                mark("signerPosition", read, "signer.position");
            } else {
                kept.add("dispatch.form.signerPosition");
            }
        }
        if (read.signer().fullName() != null) {
            if (blank(form.getSignerName())) {
                form.setSignerName(read.signer().fullName());
                mark("signerName", read, "signer.fullName");
            } else {
                kept.add("dispatch.form.signerName");
            }
        }
    }

    /** The family's mark the competence begins with ("K/T", "TM."), the longest first; null when none. */
    static String competenceMark(String competence, DispatchFamily family) {
        String found = null;
        for (String mark : family == null ? DispatchFamily.PARTY.competences() : family.competences()) {
            boolean starts = competence.equals(mark) || competence.startsWith(mark + " ");
            if (starts && (found == null || mark.length() > found.length())) {
                found = mark;
            }
        }
        return found;
    }

    private void mark(String field, Extraction read, String part) {
        marks.put(field, read.sure(part) ? "sure" : "check");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    Map<String, String> marks() {
        return Map.copyOf(marks);
    }

    List<String> kept() {
        return List.copyOf(kept);
    }

    List<String> left() {
        return List.copyOf(left);
    }

    boolean cited() {
        return cited;
    }
}
