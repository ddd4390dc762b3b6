package vn.congvan.extraction;

import java.time.LocalDate;
import java.util.List;
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
        List<Finding> layoutFindings) {

    public Extraction {
        addressees = addressees == null ? null : List.copyOf(addressees);
        distribution = distribution == null ? null : List.copyOf(distribution);
        confidence = Map.copyOf(confidence);
        layoutFindings = List.copyOf(layoutFindings);
    }

    /** The same fields with every confidence multiplied by {@code factor}: a reading from OCR is less sure. */
    Extraction withConfidenceScaled(double factor) {
        Map<String, Double> scaled = new java.util.LinkedHashMap<>();
        confidence.forEach((field, value) -> scaled.put(field, Math.round(value * factor * 100) / 100.0));
        return new Extraction(
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
                scaled,
                layoutFindings);
    }
}
