package vn.congvan.extraction;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields read from a document; an absent field is null and has no confidence. A confidence is the share of
 * documents of the corpus on which the rule that produced the field was right (ADR 0044), not a probability.
 */
public record Extraction(
        Family family,
        String typeName,
        Integer number,
        String notation,
        LocalDate issuedOn,
        String place,
        String issuer,
        String issuerParent,
        String subject,
        List<String> addressees,
        List<String> distribution,
        Signer signer,
        Map<String, Double> confidence,
        List<Finding> layoutFindings,
        String urgency,
        String secrecy) {

    /**
     * From this confidence on, a form marks a filled field "sure"; under it, "to check" (ADR 0044: the rules under 0.8
     * were wrong on a fifth of the corpus or more; ADR 0045).
     */
    public static final double SURE = 0.8;

    /**
     * The fields without the marks printed over the document: {@code urgency} ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HỎA
     * TỐC HẸN GIỜ") and {@code secrecy} ("MẬT", "TỐI MẬT", "TUYỆT MẬT") null (ADR 0073, amendment).
     */
    public Extraction(
            Family family,
            String typeName,
            Integer number,
            String notation,
            LocalDate issuedOn,
            String place,
            String issuer,
            String issuerParent,
            String subject,
            List<String> addressees,
            List<String> distribution,
            Signer signer,
            Map<String, Double> confidence,
            List<Finding> layoutFindings) {
        this(
                family,
                typeName,
                number,
                notation,
                issuedOn,
                place,
                issuer,
                issuerParent,
                subject,
                addressees,
                distribution,
                signer,
                confidence,
                layoutFindings,
                null,
                null);
    }

    public Extraction {
        addressees = addressees == null ? null : List.copyOf(addressees);
        distribution = distribution == null ? null : List.copyOf(distribution);
        confidence = Map.copyOf(confidence);
        layoutFindings = List.copyOf(layoutFindings);
    }

    /** Whether the field (a confidence key: "number", "signer.fullName", ...) was read by a rule that is sure. */
    public boolean sure(String field) {
        Double value = confidence.get(field);
        return value != null && value >= SURE;
    }

    /**
     * "Số, ký hiệu" as the family prints it: "65-CV/BTGQU" in the Party, "26/QĐ-UBND" otherwise; the part read alone
     * when the other was not; null when neither was. fill.js writes it the same way.
     */
    public String numberAndNotation() {
        if (notation == null) {
            return number == null ? null : number.toString();
        }
        if (number == null) {
            return notation;
        }
        return number + (family == Family.PARTY ? "-" : "/") + notation;
    }

    /**
     * The code of the type read, among the types a form offers (code to name), comparing the names without case,
     * spaces or diacritics ("CÔNG VĂN", "Công  văn"); null when the type was not read or is not offered.
     */
    public String typeCodeIn(Map<String, String> namesByCode) {
        if (typeName == null) {
            return null;
        }
        String wanted = plain(typeName);
        return namesByCode.entrySet().stream()
                .filter(type -> plain(type.getValue()).equals(wanted))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /**
     * A name or heading compared as a clerk reads it: without case, spaces or diacritics (đ as d); "" for null. The
     * form's type, the clerk's unit against a dropped document's heading (dispatch.web.DraftingUnit).
     */
    public static String plain(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("[\\p{M}\\s]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** How many of the fields were found (the signer counts once): of two readings of a file, more is better. */
    int fieldsFound() {
        return (int) java.util.stream.Stream.of(
                        family,
                        typeName,
                        number,
                        notation,
                        issuedOn,
                        place,
                        issuer,
                        issuerParent,
                        subject,
                        addressees,
                        distribution,
                        signer)
                .filter(java.util.Objects::nonNull)
                .count();
    }

    /** The same fields with one more finding, first: how the text was read comes before what it says. */
    Extraction withFinding(Finding finding) {
        List<Finding> findings = new java.util.ArrayList<>();
        findings.add(finding);
        findings.addAll(layoutFindings);
        return with(confidence, findings);
    }

    /** The same fields with every confidence multiplied by {@code factor}: a reading from OCR is less sure. */
    Extraction withConfidenceScaled(double factor) {
        Map<String, Double> scaled = new java.util.LinkedHashMap<>();
        confidence.forEach((field, value) -> scaled.put(field, Math.round(value * factor * 100) / 100.0));
        return with(scaled, layoutFindings);
    }

    /**
     * The same fields with the urgency and secrecy marks read ({@link PageFurniture#marks}); a mark not printed stays
     * null and has no confidence.
     */
    Extraction withMarks(PageFurniture.Marks marks) {
        Map<String, Double> withMarks = new java.util.LinkedHashMap<>(confidence);
        if (marks.urgency() != null) {
            withMarks.put("urgency", PageFurniture.Marks.CONFIDENCE);
        }
        if (marks.secrecy() != null) {
            withMarks.put("secrecy", PageFurniture.Marks.CONFIDENCE);
        }
        return copy(number, issuedOn, withMarks, layoutFindings, marks.urgency(), marks.secrecy());
    }

    /**
     * The same fields with a number and a date read from pictures stamped into their blanks ({@link PictureStamps});
     * a {@code null} argument leaves its field as it was. The finding that the field was missing goes.
     */
    Extraction withStamped(Integer stampedNumber, LocalDate stampedDate, double sureness) {
        Map<String, Double> withStamps = new java.util.LinkedHashMap<>(confidence);
        List<Finding> findings = new java.util.ArrayList<>(layoutFindings);
        if (stampedNumber != null) {
            withStamps.put("number", sureness);
            findings.removeIf(finding -> finding.code() == Finding.Code.MISSING_NUMBER);
        }
        if (stampedDate != null) {
            withStamps.put("issuedOn", sureness);
            findings.removeIf(finding -> finding.code() == Finding.Code.MISSING_DATE);
        }
        return copy(
                stampedNumber != null ? stampedNumber : number,
                stampedDate != null ? stampedDate : issuedOn,
                withStamps,
                findings,
                urgency,
                secrecy);
    }

    private Extraction with(Map<String, Double> confidence, List<Finding> findings) {
        return copy(number, issuedOn, confidence, findings, urgency, secrecy);
    }

    /** The same document's other fields with these: the one place the record is copied. */
    private Extraction copy(
            Integer newNumber,
            LocalDate newIssuedOn,
            Map<String, Double> newConfidence,
            List<Finding> findings,
            String newUrgency,
            String newSecrecy) {
        return new Extraction(
                family,
                typeName,
                newNumber,
                notation,
                newIssuedOn,
                place,
                issuer,
                issuerParent,
                subject,
                addressees,
                distribution,
                signer,
                newConfidence,
                findings,
                newUrgency,
                newSecrecy);
    }
}
