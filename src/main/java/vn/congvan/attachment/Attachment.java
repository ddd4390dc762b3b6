package vn.congvan.attachment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * What is known about one stored file of a dispatch, or of an incoming entry registered by hand (ADR 0033). The bytes
 * are in {@link AttachmentStorage}; several rows may name the same bytes (a forwarding draft's files by reference).
 */
@Entity
@Table(name = "attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long dispatchId;

    private Long incomingEntryId;

    private int position;

    private String title;

    @Enumerated(EnumType.STRING)
    private AttachmentKind kind;

    private String originalFilename;

    private String contentType;

    private long sizeBytes;

    private String sha256;

    private String storageKey;

    private Integer pageCount;

    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private ScanState scanState;

    private String scanSignature;

    private Instant scannedAt;

    private Instant scanAttemptedAt;

    protected Attachment() {}

    Attachment(
            Long dispatchId,
            int position,
            String title,
            AttachmentKind kind,
            String originalFilename,
            String contentType,
            long size,
            String sha256,
            String storageKey,
            Integer pageCount,
            Instant createdAt,
            ScanState scanState) {
        this.dispatchId = dispatchId;
        this.position = position;
        this.title = title;
        this.kind = kind;
        this.originalFilename = originalFilename;
        this.contentType = contentType;
        this.sizeBytes = size;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.pageCount = pageCount;
        this.createdAt = createdAt;
        this.scanState = scanState;
        if (scanState == ScanState.CLEAN) {
            this.scannedAt = createdAt;
        }
        if (scanState == ScanState.PENDING) {
            this.scanAttemptedAt = createdAt;
        }
    }

    /** A file of an incoming entry registered by hand: its scans, owned by the entry instead of a dispatch. */
    static Attachment ofIncomingEntry(Long incomingEntryId, Attachment file) {
        file.dispatchId = null;
        file.incomingEntryId = incomingEntryId;
        return file;
    }

    /**
     * Another row naming the same stored bytes, for a dispatch: what is known of the file (its type, size, digest and
     * scan verdict) is the bytes', so it is copied, not found again.
     */
    Attachment referencedBy(Long otherDispatchId, int otherPosition, Instant at) {
        Attachment copy = new Attachment(
                otherDispatchId,
                otherPosition,
                title,
                kind,
                originalFilename,
                contentType,
                sizeBytes,
                sha256,
                storageKey,
                pageCount,
                at,
                scanState);
        copy.scanSignature = scanSignature;
        copy.scannedAt = scannedAt;
        copy.scanAttemptedAt = scanAttemptedAt;
        return copy;
    }

    /** A new title and kind; the caller holds the rule that only a draft's files change. */
    void describe(String title, AttachmentKind kind) {
        this.title = Objects.requireNonNull(title);
        this.kind = Objects.requireNonNull(kind);
    }

    /** The retry job's clean verdict. */
    void scannedClean(Instant at) {
        this.scanState = ScanState.CLEAN;
        this.scannedAt = at;
        this.scanAttemptedAt = at;
    }

    /** The retry job found malware: the row stays, so the clerk sees why the file is gone. */
    void scannedInfected(String signature, Instant at) {
        this.scanState = ScanState.INFECTED;
        this.scanSignature = signature;
        this.scannedAt = at;
        this.scanAttemptedAt = at;
    }

    /** A retry that could not scan: the file goes to the back of the queue. */
    void scanAttempted(Instant at) {
        this.scanAttemptedAt = at;
    }

    /** A scan of an incoming entry registered by hand, not a dispatch's file (ADR 0033). */
    boolean ofIncomingEntry() {
        return incomingEntryId != null;
    }

    ScanState getScanState() {
        return scanState;
    }

    AttachmentView toView() {
        return new AttachmentView(
                id,
                dispatchId,
                position,
                title,
                kind,
                originalFilename,
                contentType,
                sizeBytes,
                sha256,
                pageCount,
                createdAt,
                scanState,
                scanSignature);
    }

    String getStorageKey() {
        return storageKey;
    }
}
