/**
 * Reads the fields of an official document (công văn, quyết định, kế hoạch, ...) back from its file: family, type,
 * number and notation, place and date, issuing body, subject, addressees, distribution and signer, each with a
 * confidence, and lists where the layout departs from HD 36 / NĐ 30 (ADR 0044). Rules over the header band and the
 * foot, no model; the files are checked by the attachment module's upload rules first.
 */
@ApplicationModule(
        displayName = "Extraction (Trích xuất)",
        allowedDependencies = {"attachment"})
package vn.congvan.extraction;

import org.springframework.modulith.ApplicationModule;
