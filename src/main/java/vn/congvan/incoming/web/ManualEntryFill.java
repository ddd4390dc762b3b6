package vn.congvan.incoming.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.congvan.extraction.BodyNameCase;
import vn.congvan.extraction.Extraction;

/**
 * The manual-entry form filled from the fields read from a file (ADR 0045): each field the clerk has left empty takes
 * what was read, and is marked sure or to check by the extraction's confidence; a field already typed is kept and
 * named. The same mapping is declared for the script on the form ({@code incoming/form.html}, {@code fill.js}).
 */
final class ManualEntryFill {

    /** The form fields filled, each with "sure" or "check". */
    private final Map<String, String> marks = new LinkedHashMap<>();

    /** The form fields that had a value and kept it, by their label's message key. */
    private final List<String> kept = new ArrayList<>();

    private ManualEntryFill() {}

    /**
     * Fills the empty fields; {@code knownSenders} answers the spelling the portal already has for a sender read in
     * the capitals of its heading, if it has one.
     */
    static ManualEntryFill fill(
            ManualEntryForm form,
            Extraction read,
            Map<String, String> types,
            Function<String, Optional<String>> knownSenders) {
        ManualEntryFill fill = new ManualEntryFill();
        String sender = sender(read, knownSenders);
        if (sender != null) {
            if (blank(form.getSenderName())) {
                form.setSenderName(sender);
                fill.mark("senderName", read, "issuer", "issuerParent");
            } else {
                fill.kept.add("incoming.sender");
            }
        }
        String notation = read.numberAndNotation();
        if (notation != null) {
            if (blank(form.getNotation())) {
                form.setNotation(notation);
                fill.mark("notation", read, "number", "notation");
            } else {
                fill.kept.add("incoming.notation");
            }
        }
        if (read.issuedOn() != null) {
            if (form.getIssuedOn() == null) {
                form.setIssuedOn(read.issuedOn());
                fill.mark("issuedOn", read, "issuedOn");
            } else {
                fill.kept.add("incoming.issuedOn");
            }
        }
        // The type is a list with a value always chosen (Công văn first): what the file says wins.
        String type = read.typeCodeIn(types);
        if (type != null) {
            form.setTypeCode(type);
            fill.mark("typeCode", read, "typeName");
        }
        if (read.subject() != null) {
            if (blank(form.getSubject())) {
                form.setSubject(read.subject());
                fill.mark("subject", read, "subject");
            } else {
                fill.kept.add("incoming.subject");
            }
        }
        if (read.signer() != null) {
            fill.text(
                    read.signer().competence(),
                    form::getSignerCompetence,
                    form::setSignerCompetence,
                    "signerCompetence",
                    "incoming.signerCompetence",
                    read,
                    "signer.competence");
            fill.text(
                    read.signer().position(),
                    form::getSignerPosition,
                    form::setSignerPosition,
                    "signerPosition",
                    "incoming.signerPosition",
                    read,
                    "signer.position");
            fill.text(
                    read.signer().fullName(),
                    form::getSignerName,
                    form::setSignerName,
                    "signerName",
                    "incoming.signerName",
                    read,
                    "signer.fullName");
        }
        return fill;
    }

    /** A text field takes the value read when it is empty, or is named as kept. */
    private void text(
            String value,
            Supplier<String> typed,
            Consumer<String> set,
            String field,
            String label,
            Extraction read,
            String part) {
        if (value == null) {
            return;
        }
        if (blank(typed.get())) {
            set.accept(value);
            mark(field, read, part);
        } else {
            kept.add(label);
        }
    }

    /**
     * The issuing body under the one above it, as the register writes a sender: the heading prints "BAN TUYÊN GIÁO /
     * QUẬN ỦY QUẬN 1", the register has "Ban Tuyên giáo Quận ủy Quận 1". The portal's own spelling of that name (a
     * unit, an earlier entry) wins; otherwise each part is written in the register's case (BodyNameCase).
     */
    static String sender(Extraction read, Function<String, Optional<String>> knownSenders) {
        return sender(read.issuer(), read.issuerParent(), knownSenders);
    }

    static String sender(String issuer, String issuerParent, Function<String, Optional<String>> knownSenders) {
        String printed = printedSender(issuer, issuerParent);
        if (printed == null) {
            return null;
        }
        Optional<String> known = knownSenders.apply(printed);
        if (known.isPresent()) {
            return known.get();
        }
        return BodyNameCase.ofHeading(issuer, issuerParent);
    }

    /** The sender as printed: "BAN TUYÊN GIÁO QUẬN ỦY QUẬN 1". */
    static String printedSender(String issuer, String issuerParent) {
        if (issuer == null || issuer.isBlank()) {
            return issuerParent == null || issuerParent.isBlank() ? null : issuerParent.strip();
        }
        return issuerParent == null || issuerParent.isBlank()
                ? issuer.strip()
                : issuer.strip() + " " + issuerParent.strip();
    }

    /** Sure only when every part the field was made of was read by a sure rule. */
    private void mark(String field, Extraction read, String... parts) {
        // A part not read (the body above, a number) does not count; a part read by an unsure rule does.
        boolean sure = read.sure(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sure &= !read.confidence().containsKey(parts[i]) || read.sure(parts[i]);
        }
        marks.put(field, sure ? "sure" : "check");
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
}
