package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.congvan.attachment.PdfSealer.NotSignable;
import vn.congvan.attachment.PdfSealer.Placement;
import vn.congvan.attachment.PdfSealer.Seal;
import vn.congvan.attachment.SigningKeys.SigningKey;

/**
 * The copies of published PDFs signed by their issuing body (ADR 0047). A copy is made once, at publication, kept in
 * the storage under a random key of its own beside the untouched original, and is what the public section and the
 * recipients download. A PDF that cannot be signed is published as it is, and the reason is kept for the issuer's
 * clerks ({@code @signedCopies.outcome(file)} on their page).
 */
@Component("signedCopies")
public class SignedCopies {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignedCopies.class);

    private final AttachmentRepository attachments;

    private final AttachmentStorage storage;

    private final JdbcTemplate jdbc;

    private final SigningKeys keys;

    private final PdfSealer sealer;

    private final SigningProperties properties;

    private final Clock clock;

    private final ZoneId zone;

    SignedCopies(
            AttachmentRepository attachments,
            AttachmentStorage storage,
            JdbcTemplate jdbc,
            SigningKeys keys,
            PdfSealer sealer,
            SigningProperties properties,
            Clock clock,
            ZoneId zone) {
        this.attachments = attachments;
        this.storage = storage;
        this.jdbc = jdbc;
        this.keys = keys;
        this.sealer = sealer;
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    /** Whether that issuing unit has a signing key configured. */
    public boolean signs(String unitCode) {
        return keys.of(unitCode).isPresent();
    }

    /**
     * Signs every servable PDF of the published dispatch that has no signed copy yet, in the name of the issuing body
     * with the key of its unit; does nothing for a unit without a key. Safe to run again (the after-commit listener is
     * retried until it succeeds): a file already done is left alone. A PDF that cannot be signed is recorded as such;
     * only a failure to store a signed copy throws.
     *
     * <p>NĐ 30 places the organisation's signature differently on the main document (over the signer's signature)
     * and on the documents attached to it (top right of the first page, with the main document's number and
     * notation). The main document is the first PDF of kind {@link AttachmentKind#DOCUMENT}; without one, the first
     * PDF that is neither a briefing nor a propaganda outline, when its signer's block is found (ADR 0053).
     *
     * <p>Not transactional on purpose: each query and each file's record take a connection for their own moment, none
     * is held while a PDF is signed and stored, and a file signed before a failure keeps its copy (a retry skips it).
     */
    public void signPublished(Long dispatchId, SignedPublication publication) throws IOException {
        Optional<SigningKey> key = keys.of(publication.unitCode());
        if (key.isEmpty()) {
            return;
        }
        Map<Long, String> storageKeys = new HashMap<>();
        List<AttachmentView> pdfs = new java.util.ArrayList<>();
        for (Attachment attachment : attachments.findByDispatchIdOrderByPositionAsc(dispatchId)) {
            AttachmentView view = attachment.toView();
            if (view.isPdf() && view.servable()) {
                pdfs.add(view);
                storageKeys.put(view.id(), attachment.getStorageKey());
            }
        }
        Long main = mainDocument(pdfs);
        SignerBlocks.SignerHints signer =
                new SignerBlocks.SignerHints(publication.signerTitles(), publication.signerName());
        for (AttachmentView view : pdfs) {
            if (known(view.id())) {
                continue;
            }
            boolean isMain = view.id().equals(main);
            Seal seal = new Seal(publication.organization(), publication.notation(), isMain ? signer : null);
            sign(view, storageKeys.get(view.id()), key.get(), seal);
        }
    }

    /**
     * The main document's id: the first declared one, else the first file not declared as something else (clerks
     * often leave the kind offered at upload), to be signed over its signer's block if one is found.
     */
    private static Long mainDocument(List<AttachmentView> pdfs) {
        return pdfs.stream()
                .filter(view -> view.kind() == AttachmentKind.DOCUMENT)
                .findFirst()
                .or(() -> pdfs.stream()
                        .findFirst()
                        .filter(view -> view.kind() != AttachmentKind.BRIEFING
                                && view.kind() != AttachmentKind.PROPAGANDA_OUTLINE))
                .map(AttachmentView::id)
                .orElse(null);
    }

    private void sign(AttachmentView view, String originalKey, SigningKey key, Seal seal) throws IOException {
        Instant now = clock.instant();
        if (view.size() > properties.maxFileSize().toBytes()) {
            record(view.id(), key.unitCode(), null, "the PDF is larger than " + properties.maxFileSize(), now);
            return;
        }
        Path signed = Files.createTempFile("signed-", ".pdf");
        try {
            try (LocalCopy original = storage.copyToLocal(originalKey)) {
                Placement placement =
                        sealer.sign(original.path(), signed, key, seal, ZonedDateTime.ofInstant(now, zone));
                if (seal.signer() != null && placement != Placement.OVER_SIGNER) {
                    log.info(
                            "No signer's block found in the main document {} of dispatch {}: signed at its top right",
                            view.id(),
                            view.dispatchId());
                }
            } catch (NotSignable ex) {
                log.warn(
                        "Published file {} of dispatch {} is not signed: {}",
                        view.id(),
                        view.dispatchId(),
                        ex.getMessage());
                record(view.id(), key.unitCode(), null, ex.getMessage(), now);
                return;
            } catch (java.io.FileNotFoundException ex) {
                log.warn("Published file {} of dispatch {} is missing from storage", view.id(), view.dispatchId());
                record(view.id(), key.unitCode(), null, "the stored file is missing", now);
                return;
            }
            try (InputStream in = Files.newInputStream(signed);
                    StagedFile staged = storage.stage(in, Long.MAX_VALUE)) {
                String signedKey = storage.commit(staged);
                record(view.id(), key.unitCode(), new Stored(signedKey, staged.size(), staged.sha256()), null, now);
            }
        } finally {
            Files.deleteIfExists(signed);
        }
    }

    private boolean known(Long attachmentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from signed_copy where attachment_id = ?)", Boolean.class, attachmentId));
    }

    private void record(Long attachmentId, String unitCode, Stored stored, String reason, Instant at) {
        jdbc.update(
                """
                insert into signed_copy (attachment_id, state, storage_key, size_bytes, sha256, unit_code, reason,
                                         created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                attachmentId,
                stored == null ? "NOT_SIGNED" : "SIGNED",
                stored == null ? null : stored.key(),
                stored == null ? null : stored.size(),
                stored == null ? null : stored.sha256(),
                unitCode,
                reason == null ? null : reason.substring(0, Math.min(reason.length(), 500)),
                Timestamp.from(at));
    }

    /**
     * The signed copy of that file, as it is served: the original's name and type, the copy's size and digest (its
     * ETag) and the moment it was signed (its Last-Modified); empty when the file has no signed copy.
     */
    Optional<ServedCopy> copyOf(AttachmentView original) {
        return Optional.ofNullable(copiesOf(List.of(original)).get(original.id()));
    }

    /** The same for several files in one query (a dispatch's list of files), by file id; files without a copy absent. */
    Map<Long, ServedCopy> copiesOf(List<AttachmentView> originals) {
        Map<Long, AttachmentView> pdfs = new HashMap<>();
        originals.stream().filter(AttachmentView::isPdf).forEach(file -> pdfs.put(file.id(), file));
        Map<Long, ServedCopy> copies = new HashMap<>();
        if (pdfs.isEmpty()) {
            return copies;
        }
        jdbc.query(
                "select attachment_id, storage_key, size_bytes, sha256, created_at from signed_copy"
                        + " where attachment_id = any(?) and state = 'SIGNED'",
                row -> {
                    AttachmentView original = pdfs.get(row.getLong("attachment_id"));
                    copies.put(
                            original.id(),
                            new ServedCopy(
                                    new AttachmentView(
                                            original.id(),
                                            original.dispatchId(),
                                            original.position(),
                                            original.title(),
                                            original.kind(),
                                            original.originalFilename(),
                                            original.contentType(),
                                            row.getLong("size_bytes"),
                                            row.getString("sha256"),
                                            original.pageCount(),
                                            row.getObject("created_at", OffsetDateTime.class)
                                                    .toInstant(),
                                            original.scanState(),
                                            original.scanSignature()),
                                    row.getString("storage_key")));
                },
                (Object) pdfs.keySet().toArray(Long[]::new));
        return copies;
    }

    /**
     * The bytes of a published file as recipients get them: the signed copy where there is one, else the file as
     * uploaded (for messages to other systems, which must carry the copy that proves who issued it).
     */
    public InputStream openPublished(AttachmentView file) throws IOException {
        Optional<ServedCopy> copy = file.isPdf() ? copyOf(file) : Optional.empty();
        if (copy.isPresent()) {
            return storage.open(copy.get().key());
        }
        Attachment stored = attachments
                .findById(file.id())
                .filter(original -> original.getScanState().servable())
                .orElseThrow(() -> new AttachmentNotFoundException(file.id()));
        return storage.open(stored.getStorageKey());
    }

    /** Whether that file was signed at its publication, and if not why; null for a file never offered for signing. */
    public SigningOutcome outcome(AttachmentView file) {
        List<SigningOutcome> found = jdbc.query(
                "select state, reason, created_at from signed_copy where attachment_id = ?",
                (row, i) -> new SigningOutcome(
                        "SIGNED".equals(row.getString("state")),
                        row.getString("reason"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()),
                file.id());
        return found.isEmpty() ? null : found.get(0);
    }

    /** What became of each file of the dispatch at its publication, by file id, for the issuer's clerks. */
    public Map<Long, SigningOutcome> outcomesOf(Long dispatchId) {
        Map<Long, SigningOutcome> outcomes = new HashMap<>();
        jdbc.query(
                """
                select s.attachment_id, s.state, s.reason, s.created_at
                  from signed_copy s join attachment a on a.id = s.attachment_id
                 where a.dispatch_id = ?
                """,
                row -> {
                    outcomes.put(
                            row.getLong("attachment_id"),
                            new SigningOutcome(
                                    "SIGNED".equals(row.getString("state")),
                                    row.getString("reason"),
                                    row.getObject("created_at", OffsetDateTime.class)
                                            .toInstant()));
                },
                dispatchId);
        return outcomes;
    }

    /** A signed copy in the storage. */
    record ServedCopy(AttachmentView view, String key) {}

    private record Stored(String key, long size, String sha256) {}

    /**
     * Whether a published file was signed, and if not, why (in English, for the clerks and the log).
     *
     * @param signed a signed copy is what is downloaded
     * @param reason why it was published unsigned
     * @param at when it was signed or given up
     */
    public record SigningOutcome(boolean signed, String reason, Instant at) {}
}
