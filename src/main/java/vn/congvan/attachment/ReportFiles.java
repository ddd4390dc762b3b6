package vn.congvan.attachment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of the reports recipient units send back (ADR 0034). They go through the dispatches' files' pipeline
 * (staged and counted, scanned for malware, the type read from the bytes, moved into the same storage) but are kept
 * in a table of their own, {@code report_file}: a report's file is never a dispatch's (not public, not indexed, not
 * subject to the draft-only rule). A file the scanner cannot take now is refused rather than kept waiting, so that
 * no report file waits for the retry job, which knows only the dispatches' files. A file belongs to a report by id;
 * who may send or read it is the caller's question.
 */
@Service
@Transactional(readOnly = true)
public class ReportFiles {

    private static final Logger log = LoggerFactory.getLogger(ReportFiles.class);

    private final AttachmentStorage storage;

    private final ContentInspector inspector;

    private final MalwareScanner scanner;

    private final AttachmentProperties properties;

    private final AttachmentDownloads downloads;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    ReportFiles(
            AttachmentStorage storage,
            ContentInspector inspector,
            MalwareScanner scanner,
            AttachmentProperties properties,
            AttachmentDownloads downloads,
            JdbcTemplate jdbc,
            Clock clock) {
        this.storage = storage;
        this.inspector = inspector;
        this.scanner = scanner;
        this.properties = properties;
        this.downloads = downloads;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a file of the report's {@code revision}; refuses it ({@link AttachmentRejectedException}) as a
     * dispatch's file would be refused, and also when it cannot be scanned now while scanning is required. If the
     * surrounding transaction rolls back, the stored bytes go with it. The file is scanned in the caller's
     * transaction: {@link #prepare} then {@link #attach(Long, int, PreparedFile)} scan it before one opens.
     */
    @Transactional
    public ReportFileView attach(Long reportId, int revision, String originalFilename, InputStream content)
            throws IOException {
        try (PreparedFile file = prepare(originalFilename, content)) {
            return attach(reportId, revision, file);
        }
    }

    /**
     * Receives, scans, inspects and stores a report's file with nothing held (ADR 0070); refused as {@link #attach}
     * refuses. The caller records it with {@link #attach(Long, int, PreparedFile)} and closes it in any case.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PreparedFile prepare(String originalFilename, InputStream content) throws IOException {
        String filename = FileNames.clean(originalFilename);
        StagedFile staged;
        try {
            staged = storage.stage(content, properties.maxFileSize().toBytes());
        } catch (FileTooLargeException ex) {
            throw new AttachmentRejectedException(filename, AttachmentRejectedException.Reason.TOO_LARGE);
        }
        try (staged) {
            MalwareScanner.Outcome scan = scanner.scanUpload(staged.path(), filename);
            if (scan.state() == ScanState.PENDING) {
                throw new AttachmentRejectedException(filename, AttachmentRejectedException.Reason.SCAN_UNAVAILABLE);
            }
            ContentInspector.Inspection inspection = inspector.inspect(staged.path(), filename);
            String key = storage.commit(staged);
            return new PreparedFile(storage, key, null, null, filename, inspection, staged, scan.state());
        }
    }

    /** Records a prepared file as a file of the report's {@code revision}; a rollback removes its bytes. */
    @Transactional
    public ReportFileView attach(Long reportId, int revision, PreparedFile file) {
        // One upload at a time per report: the total below is read, then written.
        jdbc.queryForObject(
                "select 1 from (select pg_advisory_xact_lock(8237, hashint8(cast(? as bigint)))) l",
                Integer.class,
                reportId);
        Long total = jdbc.queryForObject(
                "select coalesce(sum(size_bytes), 0) from report_file where report_id = ?", Long.class, reportId);
        if ((total == null ? 0 : total) + file.size()
                > properties.maxTotalSize().toBytes()) {
            throw new AttachmentRejectedException(file.filename(), AttachmentRejectedException.Reason.TOTAL_TOO_LARGE);
        }
        file.claim();
        Instant now = clock.instant();
        Long id = jdbc.queryForObject(
                """
                insert into report_file (report_id, revision, original_filename, content_type, size_bytes, sha256,
                    storage_key, created_at, scan_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """,
                Long.class,
                reportId,
                revision,
                file.filename(),
                file.contentType(),
                file.size(),
                file.sha256(),
                file.key(),
                Timestamp.from(now),
                file.scanState().name());
        return new ReportFileView(
                id, reportId, revision, file.filename(), file.contentType(), file.size(), file.sha256(), now);
    }

    /** The files of these reports in one query, in the order they were sent. */
    public Map<Long, List<ReportFileView>> ofReports(Collection<Long> reportIds) {
        Map<Long, List<ReportFileView>> byReport = new LinkedHashMap<>();
        reportIds.forEach(id -> byReport.put(id, new ArrayList<>()));
        if (!reportIds.isEmpty()) {
            jdbc.query(
                    COLUMNS + " from report_file where report_id = any(?) order by report_id, id",
                    (RowCallbackHandler) row -> {
                        ReportFileView view = view(row);
                        byReport.get(view.reportId()).add(view);
                    },
                    (Object) reportIds.toArray(Long[]::new));
        }
        return byReport;
    }

    public List<ReportFileView> ofReport(Long reportId) {
        return ofReports(List.of(reportId)).get(reportId);
    }

    /** Serves the report's file for saving, never cached by anyone but the browser; 404 if the report has no such. */
    public void serve(Long reportId, Long fileId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Stored file = find(reportId, fileId).orElseThrow(() -> new AttachmentNotFoundException(fileId));
        downloads.serve(
                file.view().asAttachment(), file.key(), Disposition.ATTACHMENT, CachePolicy.PRIVATE, request, response);
    }

    /** The content of the report's file, to be copied somewhere (the ZIP of all reports) and closed. */
    public InputStream open(Long reportId, Long fileId) throws IOException {
        Stored file = find(reportId, fileId).orElseThrow(() -> new AttachmentNotFoundException(fileId));
        return storage.open(file.key());
    }

    private Optional<Stored> find(Long reportId, Long fileId) {
        return jdbc
                .query(
                        COLUMNS + ", storage_key from report_file where id = ? and report_id = ?",
                        (row, number) -> new Stored(view(row), row.getString("storage_key")),
                        fileId,
                        reportId)
                .stream()
                .findFirst();
    }

    private record Stored(ReportFileView view, String key) {}

    private static final String COLUMNS =
            "select id, report_id, revision, original_filename, content_type, size_bytes, sha256, created_at";

    private static ReportFileView view(ResultSet row) throws SQLException {
        return new ReportFileView(
                row.getLong("id"),
                row.getLong("report_id"),
                row.getInt("revision"),
                row.getString("original_filename"),
                row.getString("content_type"),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
