package vn.congvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attachment module's API: attaching files to dispatches (and to incoming entries registered by hand) and finding
 * them again.
 */
@Service
@Transactional(readOnly = true)
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    private final AttachmentRepository attachments;

    private final AttachmentStorage storage;

    private final ContentInspector inspector;

    private final AttachmentProperties properties;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final MalwareScanner scanner;

    private final JdbcTemplate jdbc;

    private final FileChangeRule changes;

    private final TransactionTemplate transactions;

    Attachments(
            AttachmentRepository attachments,
            AttachmentStorage storage,
            ContentInspector inspector,
            AttachmentProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            MalwareScanner scanner,
            JdbcTemplate jdbc,
            FileChangeRule changes,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.transactions = transactions;
        this.events = events;
        this.scanner = scanner;
        this.attachments = attachments;
        this.storage = storage;
        this.inspector = inspector;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the content and records it. The file is received, scanned for malware, inspected and stored under a
     * random key first, outside any transaction (ADR 0070): a slow scan holds no connection and no lock. Only then is
     * the row written, in a short transaction under the dispatch's attachment lock; if it rolls back, or the file is
     * refused there, the stored bytes are removed: there is never a row without its file. An infected file is refused
     * (and its staged copy removed) before anything opens it; a file the scanner could not scan is stored as
     * {@link ScanState#PENDING} (ADR 0015). Only a dispatch whose files may change takes it ({@link FileChangeRule});
     * the question is asked under the lock, after the slow part. A caller already in a transaction keeps it.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public AttachmentView attach(NewAttachment spec, InputStream content) throws IOException {
        // Whoever calls, the name kept and shown is a clean one (ADR 0016); a refusal names the file the same way.
        try (PreparedFile file = prepare(spec.title(), spec.kind(), spec.originalFilename(), content, false)) {
            return transactions.execute(status -> record(spec.dispatchId(), file));
        }
    }

    private AttachmentView record(Long dispatchId, PreparedFile file) {
        // One upload at a time per dispatch: the position and the total below are read, then written.
        attachments.lockDispatch(dispatchId);
        changes.requireChangeable(dispatchId);
        if (attachments.totalSize(dispatchId) + file.size()
                > properties.maxTotalSize().toBytes()) {
            throw new AttachmentRejectedException(file.filename(), AttachmentRejectedException.Reason.TOTAL_TOO_LARGE);
        }
        file.claim();
        AttachmentView view = attachments
                .save(file.toAttachment(dispatchId, attachments.lastPosition(dispatchId) + 1, clock.instant()))
                .toView();
        if (view.servable()) {
            events.publishEvent(new AttachmentStored(view.id(), view.dispatchId(), view.contentType()));
        }
        return view;
    }

    /** Received, scanned, inspected (as a scan of paper or as a dispatch's file) and stored, with nothing held. */
    private PreparedFile prepare(
            String title, AttachmentKind kind, String originalFilename, InputStream content, boolean paperScan)
            throws IOException {
        String filename = FileNames.clean(originalFilename);
        try (StagedFile staged = stage(content, filename)) {
            MalwareScanner.Outcome scan = scanner.scanUpload(staged.path(), filename);
            ContentInspector.Inspection inspection = paperScan
                    ? inspector.inspectScan(staged.path(), filename)
                    : inspector.inspect(staged.path(), filename);
            String key = storage.commit(staged);
            return new PreparedFile(storage, key, title, kind, filename, inspection, staged, scan.state());
        }
    }

    /**
     * Receives a file of an incoming entry registered by hand (its scans, ADR 0033) with the same checks as a
     * dispatch's file, and stores it under a random key, before the register is held or a transaction opened (ADR
     * 0070): a slow scan of a large TIFF then keeps no other clerk waiting and no transaction open. A TIFF from the
     * scanner is kept as it came, like a PDF or JPEG scan (ADR 0065). The title is cleaned and cut as a dispatch
     * file's is, whoever gives it (a clerk's form, another system's Description). The caller records it with
     * {@link #attachToIncomingEntry(Long, PreparedFile)} and closes it in any case: closing removes the bytes of a file
     * that no row names.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PreparedFile prepareIncomingFile(
            String title, AttachmentKind kind, String originalFilename, InputStream content) throws IOException {
        return prepare(title, kind, originalFilename, content, true);
    }

    /**
     * Records a prepared file as a file of the incoming entry: nothing slow is left to do, so a caller may hold its
     * register meanwhile. The caller (the incoming register) has decided that the clerk may add files to the entry. If
     * the transaction rolls back, the bytes go with it.
     */
    @Transactional
    public AttachmentView attachToIncomingEntry(Long entryId, PreparedFile file) {
        attachments.lockEntry(entryId);
        if (attachments.entryTotalSize(entryId) + file.size()
                > properties.maxTotalSize().toBytes()) {
            throw new AttachmentRejectedException(file.filename(), AttachmentRejectedException.Reason.TOTAL_TOO_LARGE);
        }
        file.claim();
        return attachments
                .save(Attachment.ofIncomingEntry(
                        entryId, file.toAttachment(null, attachments.lastEntryPosition(entryId) + 1, clock.instant())))
                .toView();
    }

    /**
     * Adds to a draft a file that is already stored, by reference: a new row naming the same bytes, none copied (a
     * forwarding draft takes the files received, ADR 0033). {@code attachmentId} is a file of a dispatch or of an
     * incoming entry; the caller has decided that the clerk may read it. A file that may not be served (not scanned
     * yet, infected) is not taken. Answers the new row, or empty if the file is gone or not servable.
     */
    @Transactional
    public Optional<AttachmentView> attachByReference(Long attachmentId, Long dispatchId) {
        Optional<Attachment> source = attachments.findById(attachmentId);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        attachments.lockDispatch(dispatchId);
        changes.requireChangeable(dispatchId);
        // Under the bytes' lock, a removal of the source that committed meanwhile is seen: then there is nothing to
        // name.
        attachments.lockStoredBytes(source.get().getStorageKey());
        Optional<Attachment> current = attachments
                .findById(attachmentId)
                .filter(file -> file.getScanState().servable());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        AttachmentView view = attachments
                .save(current.get().referencedBy(dispatchId, attachments.lastPosition(dispatchId) + 1, clock.instant()))
                .toView();
        events.publishEvent(new AttachmentStored(view.id(), view.dispatchId(), view.contentType()));
        return Optional.of(view);
    }

    /**
     * The stored bytes of a file that may be served, to be copied elsewhere (an edXML message, ADR 0041); the caller
     * has decided that the person may read it and closes the stream.
     */
    public InputStream open(Long attachmentId) throws IOException {
        Attachment attachment = attachments
                .findById(attachmentId)
                .filter(file -> file.getScanState().servable())
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        return storage.open(attachment.getStorageKey());
    }

    /** The files of an incoming entry registered by hand, in order. */
    public List<AttachmentView> ofIncomingEntry(Long entryId) {
        return attachments.findByIncomingEntryIdOrderByPositionAsc(entryId).stream()
                .map(Attachment::toView)
                .toList();
    }

    /** A servable file of an incoming entry, with its storage key, for serving it. */
    Optional<Attachment> findOfIncomingEntry(Long entryId, Long attachmentId) {
        return attachments
                .findByIdAndIncomingEntryId(attachmentId, entryId)
                .filter(attachment -> attachment.getScanState().servable());
    }

    /**
     * The text of a stored PDF, at most {@code maxChars} characters of it (reading stops there), read from the file
     * with a file-backed cache; empty for other types. Meant for background work (search indexing), never for a
     * request.
     */
    public String extractText(Long attachmentId, int maxChars) throws IOException {
        Attachment attachment =
                attachments.findById(attachmentId).orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        if (!ContentInspector.PDF.equals(attachment.toView().contentType())) {
            return "";
        }
        if (!attachment.getScanState().servable()) {
            throw new IOException("Attachment " + attachmentId + " is " + attachment.getScanState());
        }
        StringBuilder text = new StringBuilder();
        Writer bounded = new Writer() {
            @Override
            public void write(char[] characters, int offset, int length) throws IOException {
                int room = maxChars - text.length();
                text.append(characters, offset, Math.min(room, length));
                if (length > room) {
                    throw new TextLimitReached();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        try (LocalCopy file = storage.copyToLocal(attachment.getStorageKey());
                PDDocument document = Loader.loadPDF(file.path().toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            writeSearchText(document, bounded);
        } catch (TextLimitReached enough) {
            // The rest of the document is not read: the index keeps no more than this.
        }
        return text.toString();
    }

    /**
     * A PDF's text as the search index takes it: each page as a reader sees it, with the number and the day an e-office
     * system stamped into its blanks as annotations (ADR 0067, amendment), in the order the page draws its text.
     */
    static void writeSearchText(PDDocument document, Writer out) throws IOException {
        BoundedTextStripper.asSeen().writeText(document, out);
    }

    /** Stops the text stripper once enough text is collected. */
    private static final class TextLimitReached extends IOException {}

    /**
     * Removes a file from a dispatch whose files may change ({@link FileChangeRule}: a draft). Its bytes are deleted
     * after the commit unless another row still names them.
     */
    @Transactional
    public void remove(Long dispatchId, Long attachmentId) {
        attachments.lockDispatch(dispatchId);
        changes.requireChangeable(dispatchId);
        Attachment attachment = attachments
                .findByIdAndDispatchId(attachmentId, dispatchId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        String key = attachment.getStorageKey();
        // Another row may name the same bytes (files by reference, ADR 0033): they go with the last row only. Two
        // rows removed at once may each see the other and leave the bytes; the reconciler removes them later.
        attachments.lockStoredBytes(key);
        attachments.delete(attachment);
        attachments.flush();
        if (attachments.countByStorageKey(key) > 0) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    storage.delete(key);
                } catch (IOException ex) {
                    log.warn("Could not remove file {}; the reconciler will", key, ex);
                }
            }
        });
    }

    /**
     * Gives a file of a dispatch whose files may change ({@link FileChangeRule}: a draft) another title and kind;
     * a blank title falls back to the file's name without its extension. After publication every recipient holds
     * the files as they were sent, titles included.
     */
    @Transactional
    public AttachmentView describe(Long dispatchId, Long attachmentId, String title, AttachmentKind kind) {
        attachments.lockDispatch(dispatchId);
        changes.requireChangeable(dispatchId);
        Attachment attachment = attachments
                .findByIdAndDispatchId(attachmentId, dispatchId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        attachment.describe(FileNames.title(title, attachment.toView().originalFilename()), kind);
        return attachment.toView();
    }

    /** How many files each dispatch has, in one query; a dispatch without files is left out. */
    public Map<Long, Integer> counts(Collection<Long> dispatchIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!dispatchIds.isEmpty()) {
            jdbc.query(
                    "select dispatch_id, count(*) from attachment where dispatch_id = any(?) group by dispatch_id",
                    (RowCallbackHandler) row -> counts.put(row.getLong(1), row.getInt(2)),
                    (Object) dispatchIds.toArray(Long[]::new));
        }
        return counts;
    }

    private StagedFile stage(InputStream content, String filename) throws IOException {
        try {
            return storage.stage(content, properties.maxFileSize().toBytes());
        } catch (FileTooLargeException ex) {
            throw new AttachmentRejectedException(filename, AttachmentRejectedException.Reason.TOO_LARGE);
        }
    }

    public List<AttachmentView> ofDispatch(Long dispatchId) {
        return attachments.findByDispatchIdOrderByPositionAsc(dispatchId).stream()
                .map(Attachment::toView)
                .toList();
    }

    /**
     * The attachments of several dispatches in one query, in the order of the given ids. Read with plain SQL into
     * views, not as entities: the public list asks for 20 dispatches' files at every first render, and Hibernate
     * translated its in-list query anew each time (ADR 0027).
     */
    public Map<Long, List<AttachmentView>> ofDispatches(Collection<Long> dispatchIds) {
        Map<Long, List<AttachmentView>> byDispatch = new LinkedHashMap<>();
        dispatchIds.forEach(id -> byDispatch.put(id, new ArrayList<>()));
        if (!dispatchIds.isEmpty()) {
            jdbc.query(
                    """
                    select id, dispatch_id, position, title, kind, original_filename, content_type, size_bytes, sha256,
                           page_count, created_at, scan_state, scan_signature
                      from attachment where dispatch_id = any(?) order by dispatch_id, position
                    """,
                    (RowCallbackHandler) row -> {
                        AttachmentView view = view(row);
                        byDispatch.get(view.dispatchId()).add(view);
                    },
                    (Object) dispatchIds.toArray(Long[]::new));
        }
        return byDispatch;
    }

    private static AttachmentView view(ResultSet row) throws SQLException {
        return new AttachmentView(
                row.getLong("id"),
                row.getLong("dispatch_id"),
                row.getInt("position"),
                row.getString("title"),
                AttachmentKind.valueOf(row.getString("kind")),
                row.getString("original_filename"),
                row.getString("content_type"),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                row.getObject("page_count", Integer.class),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                ScanState.valueOf(row.getString("scan_state")),
                row.getString("scan_signature"));
    }

    public Optional<AttachmentView> ofDispatch(Long dispatchId, Long attachmentId) {
        return attachments.findByIdAndDispatchId(attachmentId, dispatchId).map(Attachment::toView);
    }

    /**
     * Whether uploaded files are scanned for malware. When they are not (no clamd on this machine, ADR 0015), clerks
     * are told so plainly.
     */
    public boolean scansFiles() {
        return scanner.required();
    }

    /**
     * The files that keep the dispatch from being published, in order: while scanning is required every file must
     * have been scanned clean; otherwise every file must be one that may be served. Holds the dispatch's attachment
     * lock to the end of the caller's transaction, so no file arrives between this check and the publication.
     */
    public List<AttachmentView> blockingPublication(Long dispatchId) {
        attachments.lockDispatch(dispatchId);
        return attachments.findByDispatchIdOrderByPositionAsc(dispatchId).stream()
                .map(Attachment::toView)
                .filter(view -> scanner.required() ? view.scanState() != ScanState.CLEAN : !view.servable())
                .toList();
    }

    /**
     * The attachment with its storage key, for serving it; the key never leaves the module. A file that is not
     * scanned yet, or was found infected, is not there to be served.
     */
    Optional<Attachment> find(Long dispatchId, Long attachmentId) {
        return attachments
                .findByIdAndDispatchId(attachmentId, dispatchId)
                .filter(attachment -> attachment.getScanState().servable());
    }

    String storageKey(Long attachmentId) {
        return attachments
                .findById(attachmentId)
                .map(Attachment::getStorageKey)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
    }
}
