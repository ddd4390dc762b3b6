package vn.congvan.attachment;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signatures of a stored PDF, for the file lists of the pages ({@code @pdfSignatures.of(file)}): checked the first
 * time the file is shown and remembered per content and set of trust anchors (ADR 0040).
 */
@Component("pdfSignatures")
public class PdfSignatures {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfSignatures.class);

    private final Attachments attachments;

    private final AttachmentStorage storage;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final SignatureProperties properties;

    private final TrustAnchors anchors;

    private final Semaphore checking;

    private final SignedCopies signed;

    PdfSignatures(
            Attachments attachments,
            AttachmentStorage storage,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            Clock clock,
            SignatureProperties properties,
            SignedCopies signed) {
        this.signed = signed;
        this.attachments = attachments;
        this.storage = storage;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
        this.anchors = TrustAnchors.load(properties.trustAnchors());
        this.checking = new Semaphore(Math.max(1, properties.concurrent()));
        if (anchors.anchors().isEmpty()) {
            log.info(
                    "No trust anchors configured (congvan.signatures.trust-anchors): every PDF signature is untrusted");
        }
    }

    /**
     * The file's signatures, in the order of the document; empty for a file that is not a servable PDF, is unsigned,
     * cannot be read, is larger than the budget, or could not be checked now because enough others are being checked.
     */
    public List<PdfSignature> of(AttachmentView stored) {
        if (!stored.isPdf() || !stored.servable()) {
            return List.of();
        }
        // A file published with its issuing body's signature shows the signatures of the copy people download
        // (ADR 0047).
        Optional<SignedCopies.ServedCopy> copy = signed.copyOf(stored);
        AttachmentView file = copy.map(SignedCopies.ServedCopy::view).orElse(stored);
        Optional<List<PdfSignature>> remembered = remembered(file.sha256());
        if (remembered.isPresent()) {
            return remembered.get();
        }
        if (file.size() > properties.maxFileSize().toBytes() || !checking.tryAcquire()) {
            return List.of();
        }
        String key = copy.map(SignedCopies.ServedCopy::key).orElseGet(() -> attachments.storageKey(file.id()));
        try (LocalCopy local = storage.copyToLocal(key)) {
            List<PdfSignature> found = PdfSignatureVerifier.verify(local.path(), anchors.anchors());
            remember(file.sha256(), true, found);
            return found;
        } catch (IOException | RuntimeException ex) {
            // A PDF PDFBox cannot read has no signature we can show; remembered, so it is not parsed at every view.
            log.info("Could not check the signatures of attachment {}", file.id(), ex);
            remember(file.sha256(), false, List.of());
            return List.of();
        } finally {
            checking.release();
        }
    }

    private Optional<List<PdfSignature>> remembered(String sha256) {
        Integer checks = jdbc.queryForObject(
                "select count(*) from pdf_signature_check where sha256 = ? and anchors_digest = ?",
                Integer.class,
                sha256,
                anchors.digest());
        if (checks == null || checks == 0) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(jdbc.query("""
                select * from pdf_signature where sha256 = ? and anchors_digest = ? order by position
                """, (row, number) -> signature(row), sha256, anchors.digest())));
    }

    private void remember(String sha256, boolean readable, List<PdfSignature> signatures) {
        transaction.executeWithoutResult(status -> {
            int inserted = jdbc.update("""
                    insert into pdf_signature_check (sha256, anchors_digest, checked_at, readable)
                    values (?, ?, ?, ?) on conflict do nothing
                    """, sha256, anchors.digest(), timestamp(clock.instant()), readable);
            if (inserted == 0) {
                // Another viewer checked the same bytes at the same moment; its rows stand.
                return;
            }
            int position = 0;
            for (PdfSignature signature : signatures) {
                jdbc.update(
                        """
                        insert into pdf_signature (sha256, anchors_digest, position, verdict, signer_name,
                            signer_organization, signed_at, timestamped_at, subject, issuer, serial_number,
                            fingerprint, not_before, not_after, covers_whole_file)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        sha256,
                        anchors.digest(),
                        ++position,
                        signature.verdict().name(),
                        clip(signature.signerName(), 500),
                        clip(signature.signerOrganization(), 500),
                        timestamp(signature.signedAt()),
                        timestamp(signature.timestampedAt()),
                        clip(signature.subject(), 2000),
                        clip(signature.issuer(), 2000),
                        clip(signature.serialNumber(), 100),
                        signature.fingerprint(),
                        timestamp(signature.notBefore()),
                        timestamp(signature.notAfter()),
                        signature.coversWholeFile());
            }
        });
    }

    private static PdfSignature signature(ResultSet row) throws SQLException {
        return new PdfSignature(
                SignatureVerdict.valueOf(row.getString("verdict")),
                row.getString("signer_name"),
                row.getString("signer_organization"),
                instant(row, "signed_at"),
                instant(row, "timestamped_at"),
                row.getString("subject"),
                row.getString("issuer"),
                row.getString("serial_number"),
                row.getString("fingerprint"),
                instant(row, "not_before"),
                instant(row, "not_after"),
                row.getBoolean("covers_whole_file"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Certificate fields are the signer's text, of any length: cut to the column rather than fail the page. */
    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
