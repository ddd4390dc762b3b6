package vn.congvan.search;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.attachment.AttachmentStored;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchPublished;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.DispatchWithdrawn;
import vn.congvan.dispatch.IndexableDispatch;

/**
 * Keeps the search read model ({@code search_document}) in step with publications and withdrawals, and queues the
 * text extraction of every stored attachment. A publication is indexed after it committed, in a transaction of its
 * own (ADR 0024), so the index never shows a dispatch that was not published and a failure here cannot undo one;
 * the event publication registry keeps the event until indexing succeeded. A withdrawal leaves the index in the
 * withdrawing transaction, so the index never keeps a withdrawn dispatch.
 */
@Component
class SearchIndex {

    private final JdbcTemplate jdbc;

    private final DispatchCatalog catalog;

    private final java.time.Clock clock;

    private final int recentSize;

    @Autowired
    SearchIndex(JdbcTemplate jdbc, DispatchCatalog catalog, java.time.Clock clock) {
        this(jdbc, catalog, clock, RECENT);
    }

    /** With another size of the recent set, so that tests can move its boundary with a few documents. */
    SearchIndex(JdbcTemplate jdbc, DispatchCatalog catalog, java.time.Clock clock, int recentSize) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
        this.recentSize = recentSize;
    }

    /**
     * How many of the newest search documents are marked {@code recent} and indexed apart (V52, ADR 0057): enough that
     * a word in one dispatch out of 16 or more has the 200 matches a broad query ranks among them, few enough that a
     * word in nearly every dispatch reads about 1,600 heap pages from them (about 5 ms).
     */
    static final int RECENT = 4096;

    @ApplicationModuleListener
    void on(DispatchPublished published) {
        catalog.publishedForIndexing(published.dispatchId()).ifPresent(this::index);
    }

    @EventListener
    void on(DispatchWithdrawn withdrawn) {
        lockRecent(jdbc);
        jdbc.update("delete from search_document where dispatch_id = ?", withdrawn.dispatchId());
        // Deleting a row keeps the recent set a prefix; the set is topped up so that it keeps its size.
        keepRecent(jdbc, recentSize);
    }

    @EventListener
    void on(AttachmentStored stored) {
        jdbc.update("""
                insert into text_extraction_job (attachment_id, dispatch_id, created_at) values (?, ?, ?)
                on conflict (attachment_id) do nothing
                """, stored.attachmentId(), stored.dispatchId(), java.sql.Timestamp.from(clock.instant()));
    }

    @Transactional
    void index(IndexableDispatch indexable) {
        DispatchView d = indexable.dispatch();
        Long[] recipients = indexable.recipientUnitIds().toArray(Long[]::new);
        lockRecent(jdbc);
        // The row is written recent when fewer than recentSize other documents come before it, so that a new dispatch
        // is written once (every version of a row is a new entry in each GIN index); keepRecent then unmarks the
        // document it pushed out, or whatever else the write moved.
        jdbc.update("""
                    insert into search_document (dispatch_id, visibility, issuer_unit_id, issuer_name, type_code,
                        issued_on, number, number_key, notation, subject, body, attachment_text, recipient_unit_ids,
                        recent)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        coalesce((select left(string_agg(content, ' ' order by attachment_id), %d)
                                  from attachment_text where dispatch_id = ?), ''), ?,
                        coalesce((cast(? as date), cast(? as bigint)) > (
                            select o.issued_on, o.dispatch_id from search_document o where o.dispatch_id <> ?
                            order by o.issued_on desc, o.dispatch_id desc offset %d limit 1), true))
                    on conflict (dispatch_id) do update set recent = excluded.recent, visibility = excluded.visibility,
                        issuer_name = excluded.issuer_name, type_code = excluded.type_code,
                        issued_on = excluded.issued_on, number = excluded.number, number_key = excluded.number_key,
                        notation = excluded.notation, subject = excluded.subject, body = excluded.body,
                        attachment_text = excluded.attachment_text, recipient_unit_ids = excluded.recipient_unit_ids
                    """.formatted(MAX_INDEXED_TEXT, recentSize - 1), statement -> {
            statement.setLong(1, d.id());
            statement.setString(2, d.visibility().name());
            statement.setLong(3, d.issuerUnitId());
            statement.setString(4, d.issuerName());
            statement.setString(5, d.typeCode());
            statement.setObject(6, d.issuedOn());
            statement.setInt(7, Integer.parseInt(d.notation().replaceAll("\\D.*$", "")));
            statement.setString(8, numberKey(d.notation()));
            statement.setString(9, d.notation());
            statement.setString(10, indexable(d.subject()));
            statement.setString(11, indexable(String.join("\n\n", d.bodyParagraphs())));
            statement.setLong(12, d.id());
            statement.setArray(13, statement.getConnection().createArrayOf("bigint", recipients));
            statement.setObject(14, d.issuedOn());
            statement.setLong(15, d.id());
            statement.setLong(16, d.id());
        });
        keepRecent(jdbc, recentSize);
        refreshPassages(jdbc, d.id());
    }

    /**
     * Serialises the writers of the recent set until their transactions end: each one reads the boundary after the
     * previous one committed, so two indexers cannot each keep their own document and leave the set wider than a
     * prefix or with a hole.
     */
    static void lockRecent(JdbcTemplate jdbc) {
        jdbc.query("select pg_advisory_xact_lock(hashtext('congvan.search.recent'))", rs -> {});
    }

    /**
     * Makes the {@code recent} search documents exactly the newest {@code size} in the order (issued_on desc,
     * dispatch_id desc) that broad queries read (ADR 0057): unmarks the recent ones past the boundary and marks the
     * others before it. Both are ranges of V52's (recent, issued_on, dispatch_id) index, usually a row or none; the
     * boundary is read from the date index (an index-only scan of {@code size} entries). Callers hold
     * {@link #lockRecent}.
     */
    static void keepRecent(JdbcTemplate jdbc, int size) {
        jdbc.update(keepRecentStatement(size));
    }

    /**
     * {@link #keepRecent} as one statement, for the benchmark loaders too. The offset is written as a literal: as a
     * parameter, a generic plan would guess a tenth of the table for it and could sort the whole table instead.
     */
    static String keepRecentStatement(int size) {
        return KEEP_RECENT.formatted(size - 1);
    }

    private static final String KEEP_RECENT = """
            with boundary as materialized (
                select coalesce(max(n.issued_on), '-infinity') as issued_on,
                    coalesce(max(n.dispatch_id), 0) as dispatch_id
                from (select issued_on, dispatch_id from search_document
                      order by issued_on desc, dispatch_id desc offset %d limit 1) n
            )
            update search_document set recent = not recent
            where dispatch_id = any (array(
                select s.dispatch_id from search_document s, boundary b
                where s.recent and (s.issued_on, s.dispatch_id) < (b.issued_on, b.dispatch_id)
              union all
                select s.dispatch_id from search_document s, boundary b
                where not s.recent and (s.issued_on, s.dispatch_id) >= (b.issued_on, b.dispatch_id)))
            """;

    /**
     * How long a piece of attachment text is, for passages (V33, shortened by V34: ts_headline parses all of its
     * input); pieces overlap by {@link #PIECE_OVERLAP}.
     */
    static final int PIECE = 1000;

    static final int PIECE_OVERLAP = 100;

    /** Cuts the dispatch's indexed attachment text into the pieces its passages are taken from. */
    static void refreshPassages(JdbcTemplate jdbc, long dispatchId) {
        jdbc.update("delete from search_passage where dispatch_id = ?", dispatchId);
        jdbc.update("""
                insert into search_passage (dispatch_id, piece, content)
                select d.dispatch_id, p.piece, substr(d.attachment_text, (p.piece - 1) * %d + 1, %d)
                from search_document d,
                    generate_series(1, ceil(length(d.attachment_text) / %d.0)::integer) p (piece)
                where d.dispatch_id = ? and d.attachment_text <> ''
                """.formatted(PIECE, PIECE + PIECE_OVERLAP, PIECE), dispatchId);
    }

    /**
     * How much attachment text a dispatch contributes to its search vector: a tsvector holds at most 1 MB, and the
     * first pages of a long annex are what people search for.
     */
    static final int MAX_INDEXED_TEXT = 300_000;

    /** Text as it may be indexed: without NUL (refused by PostgreSQL) and the private-use passage markers. */
    static String indexable(String text) {
        return text.replaceAll("[\\u0000\\uE000\\uE001]", " ");
    }

    /** "65-CV/BTGQU" and "05/QĐ-UBND" become "65 cv btgqu" and "5 qd ubnd": what any spelling of them reduces to. */
    static String numberKey(String text) {
        String plain = java.text.Normalizer.normalize(
                        text.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder();
        for (String part : plain.split("[^a-z0-9]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String token = part.matches("\\d+")
                    ? String.valueOf(Long.parseLong(part.length() > 18 ? part.substring(0, 18) : part))
                    : part;
            key.append(key.length() > 0 ? " " : "").append(token);
        }
        return key.toString();
    }
}
