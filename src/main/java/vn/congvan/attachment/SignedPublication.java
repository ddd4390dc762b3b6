package vn.congvan.attachment;

import java.util.List;

/**
 * A publication whose PDFs its issuing body signs (ADR 0047, 0053): the unit whose key signs, the body named in the
 * signature, the dispatch's number and notation (shown on attached documents) and what the dispatch says of its signer
 * (to find the signer's block on the main document).
 *
 * @param unitCode the issuing unit, whose key signs
 * @param organization the issuing body's name
 * @param notation the dispatch's number and notation as printed ("65-CV/BTGQU", "12/QĐ-UBND")
 * @param signerTitles the signer's title lines as printed ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"), none where unknown
 * @param signerName the signer's full name, or null where unknown
 */
public record SignedPublication(
        String unitCode, String organization, String notation, List<String> signerTitles, String signerName) {

    public SignedPublication {
        signerTitles = signerTitles == null
                ? List.of()
                : signerTitles.stream()
                        .filter(title -> title != null && !title.isBlank())
                        .toList();
    }
}
