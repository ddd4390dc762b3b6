package vn.congvan.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.attachment.Attachments;

/**
 * Works through the text-extraction queue outside any request. Each job is claimed with {@code for update skip
 * locked} inside its own transaction, so several workers (or instances) never take the same job, and a crash
 * mid-way leaves the job pending for the next run. A job that keeps failing is marked FAILED with its error.
 */
@Component
class TextExtractionWorker {

    private static final Logger log = LoggerFactory.getLogger(TextExtractionWorker.class);

    static final int MAX_ATTEMPTS = 3;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final Attachments attachments;

    private final Clock clock;

    TextExtractionWorker(JdbcTemplate jdbc, TransactionTemplate transaction, Attachments attachments, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${congvan.search.extraction-first-after:PT5S}",
            fixedDelayString = "${congvan.search.extraction-every:PT3S}")
    void runScheduled() {
        try {
            runPending(20);
        } catch (RuntimeException ex) {
            log.warn("Text extraction run failed", ex);
        }
    }

    /** Processes up to {@code limit} pending jobs; answers how many were taken. */
    int runPending(int limit) {
        int taken = 0;
        while (taken < limit) {
            Long[] job;
            try {
                job = transaction.execute(status -> processOne());
            } catch (JobFailed failure) {
                // The job's own transaction rolled back whole; its failure is recorded in a new one, so that a job
                // that breaks the database (not only the extraction) cannot block the queue.
                transaction.executeWithoutResult(status -> recordFailure(failure.attachmentId, failure.getCause()));
                taken++;
                continue;
            }
            if (job == null) {
                break;
            }
            taken++;
        }
        return taken;
    }

    /** The job that was done, or null when none was pending. */
    private Long[] processOne() {
        List<Long[]> jobs = jdbc.query("""
                select attachment_id, dispatch_id from text_extraction_job
                where status = 'PENDING' order by created_at, attachment_id limit 1 for update skip locked
                """, (rs, row) -> new Long[] {rs.getLong(1), rs.getLong(2)});
        if (jobs.isEmpty()) {
            return null;
        }
        Long attachmentId = jobs.get(0)[0];
        Long dispatchId = jobs.get(0)[1];
        try {
            String text = SearchIndex.indexable(attachments.extractText(attachmentId, SearchIndex.MAX_INDEXED_TEXT));
            if (text.length() > SearchIndex.MAX_INDEXED_TEXT) {
                text = text.substring(0, SearchIndex.MAX_INDEXED_TEXT);
            }
            jdbc.update("""
                    insert into attachment_text (attachment_id, dispatch_id, content) values (?, ?, ?)
                    on conflict (attachment_id) do update set content = excluded.content
                    """, attachmentId, dispatchId, text);
            jdbc.update("""
                    update search_document set attachment_text = coalesce((select left(string_agg(content, ' '
                        order by attachment_id), %d) from attachment_text where dispatch_id = ?), '')
                    where dispatch_id = ?
                    """.formatted(SearchIndex.MAX_INDEXED_TEXT), dispatchId, dispatchId);
            SearchIndex.refreshPassages(jdbc, dispatchId);
            jdbc.update(
                    "update text_extraction_job set status = 'DONE', attempts = attempts + 1, finished_at = ? "
                            + "where attachment_id = ?",
                    Timestamp.from(clock.instant()),
                    attachmentId);
            return jobs.get(0);
        } catch (Exception ex) {
            throw new JobFailed(attachmentId, ex);
        }
    }

    private void recordFailure(Long attachmentId, Throwable cause) {
        log.warn("Could not extract the text of attachment {}", attachmentId, cause);
        String error = describe(cause);
        jdbc.update(
                """
                update text_extraction_job set attempts = attempts + 1, last_error = ?,
                    status = case when attempts + 1 >= ? then 'FAILED' else 'PENDING' end,
                    finished_at = case when attempts + 1 >= ? then cast(? as timestamp with time zone) end
                where attachment_id = ?
                """,
                error.length() > 1000 ? error.substring(0, 1000) : error,
                MAX_ATTEMPTS,
                MAX_ATTEMPTS,
                Timestamp.from(clock.instant()),
                attachmentId);
    }

    /** A stored file that is gone is said so: the store's own exception names only the path or key. */
    static String describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.NoSuchFileException) {
                return "file missing from the store: " + t.getMessage();
            }
        }
        return String.valueOf(cause.getMessage());
    }

    private static final class JobFailed extends RuntimeException {

        private final Long attachmentId;

        JobFailed(Long attachmentId, Exception cause) {
            super(cause);
            this.attachmentId = attachmentId;
        }
    }
}
