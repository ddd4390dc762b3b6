package vn.congvan.edxml;

import java.time.LocalDate;
import java.util.List;

/**
 * The header of an edXML message (QCVN 102:2016, MessageHeader) with the list of its attachments, in the standard's
 * terms: {@code codeNumber} "65" and {@code codeNotation} "CV/BTGQU" of "65-CV/BTGQU", {@code priority} the urgency
 * code 0–4, {@code toPlaces} the "Nơi nhận" lines. Absent optional parts are null (or empty lists).
 */
public record EdxmlMessage(
        Organ from,
        List<Organ> to,
        String codeNumber,
        String codeNotation,
        String place,
        LocalDate promulgationDate,
        int documentType,
        String documentTypeName,
        String subject,
        String content,
        SignerInfo signer,
        int priority,
        LocalDate dueDate,
        List<String> toPlaces,
        List<Attachment> attachments) {

    public EdxmlMessage {
        to = List.copyOf(to);
        toPlaces = List.copyOf(toPlaces);
        attachments = List.copyOf(attachments);
    }

    /**
     * The number and notation as the document prints them: "65-CV/BTGQU" for a Party document (its notation is
     * type/issuer), "26/QĐ-UBND" for a state one (its notation has no slash).
     */
    public String fullNotation() {
        if (codeNumber == null || codeNumber.isBlank()) {
            return codeNotation;
        }
        if (codeNotation == null || codeNotation.isBlank()) {
            return codeNumber;
        }
        return codeNotation.contains("/") ? codeNumber + "-" + codeNotation : codeNumber + "/" + codeNotation;
    }

    /** An organ (cơ quan, tổ chức): OrganId is its code in the exchange; the other parts are optional. */
    public record Organ(String organId, String organName, String organizationInCharge, String organAdd) {}

    /** SignerInfo: Competence ("K/T TRƯỞNG BAN"), Position ("PHÓ TRƯỞNG BAN"), FullName. */
    public record SignerInfo(String competence, String position, String fullName) {}

    /** One attachment: ContentId, ContentType, Description, AttachmentName; its bytes travel beside the header. */
    public record Attachment(String contentId, String contentType, String description, String attachmentName) {}
}
