package vn.congvan.edxml;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An edXML status message (Status): what the receiving organ ({@code from}) did with a document of the sending
 * organ ({@code responseForOrganId}) numbered {@code responseForCode} ("65-CV/BTGQU") and promulgated on
 * {@code responseForPromulgationDate}; {@code timestamp} is the receiver's local time (Vietnam), as the standard
 * writes it without a zone.
 */
public record EdxmlStatus(
        String responseForOrganId,
        String responseForCode,
        LocalDate responseForPromulgationDate,
        String responseForDocumentId,
        EdxmlMessage.Organ from,
        EdxmlStatusCode statusCode,
        String description,
        LocalDateTime timestamp,
        String staffDepartment,
        String staffName) {}
