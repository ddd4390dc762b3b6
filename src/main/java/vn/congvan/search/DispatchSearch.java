package vn.congvan.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.DispatchAccess;
import vn.congvan.dispatch.Viewer;
import vn.congvan.dispatch.Visibility;

/**
 * Full-text search over published dispatches and the text of their attachments, in PostgreSQL: a {@code simple}
 * configuration behind {@code unaccent} (with or without diacritics alike), weights A (subject) to D (attachment
 * text), {@code ts_headline} for the passage. A number in the query finds the dispatch with that number first, and
 * the letters around it are compared with its normalised symbol ("65-CV/BTGQU", "65/BTGQU", "cv 65" all lead to
 * 65-CV/BTGQU). The access rule is the dispatch module's ({@link DispatchAccess}), written into the query over this
 * read model's columns.
 */
@Service
@Transactional(readOnly = true)
public class DispatchSearch {

    /** Beyond this many matches the count says "more than", and only the newest matches are ranked. */
    public static final int COUNT_LIMIT = 5000;

    /** How many of the newest matches of a broad query are ranked. */
    static final int BROAD_CANDIDATES = 200;

    /** How many characters of the body (and of an attachment text without a matching piece) passages come from. */
    static final int PASSAGE_INPUT = SearchIndex.PIECE;

    /** The longest passage shown, in characters before escaping: a "word" of thousands of letters stays bounded. */
    static final int MAX_PASSAGE = 400;

    private static final Pattern NUMBER = Pattern.compile("\\b0*(\\d{1,9})\\b");

    // Private-use characters mark the matched words, so that the passage can be escaped before <mark> is added.
    private static final String START = "\uE000";

    private static final String STOP = "\uE001";

    private final NamedParameterJdbcTemplate jdbc;

    private final int countLimit;

    private final int broadCandidates;

    @Autowired
    DispatchSearch(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, COUNT_LIMIT, BROAD_CANDIDATES);
    }

    /** With other thresholds, so that tests can reach the broad-query path with a few dispatches. */
    DispatchSearch(NamedParameterJdbcTemplate jdbc, int countLimit, int broadCandidates) {
        this.jdbc = jdbc;
        this.countLimit = countLimit;
        this.broadCandidates = broadCandidates;
    }

    /** The read model's columns, as the access policy reads them; it holds published dispatches only. */
    private static final DispatchAccess.Columns COLUMNS = DispatchAccess.Columns.ofPublishedCopy("d.dispatch_id",
            "d.visibility", "d.issuer_unit_id", "d.recipient_unit_ids");

    public Page<SearchHit> search(SearchQuery query, Viewer viewer, Pageable pageable) {
        if (query.isBlank()) {
            return Page.empty(pageable);
        }
        // The planner prices a sequential scan without the cost of reading each row's whole document vector
        // (TOAST), so for common words it scans the table and reads every document: hundreds of milliseconds at
        // 100,000 dispatches. The GIN index answers the match exactly; this transaction is told to use it.
        jdbc.getJdbcTemplate().execute("set local enable_seqscan = off");
        // A spaced hyphen ("kinh tế - xã hội") is punctuation, not websearch's "not".
        String text = query.text().strip().replaceAll("\\s+-\\s+", " ");
        Matcher number = NUMBER.matcher(SearchIndex.numberKey(text));
        Integer wanted = number.find() ? Integer.valueOf(number.group(1)) : null;
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("q", text)
                .addValue("key", SearchIndex.numberKey(text))
                .addValue("number", wanted)
                .addValue("issuer", query.issuerUnitId())
                .addValue("type", query.typeCode())
                .addValue("year", query.year())
                .addValue("from", query.from())
                .addValue("to", query.to())
                .addValue("countLimit", countLimit + 1)
                .addValue("passageInput", PASSAGE_INPUT)
                .addValue("limit", pageable.getPageSize())
                .addValue("offset", pageable.getOffset());
        DispatchAccess.Condition access = DispatchAccess.condition(viewer, Audience.ANY, COLUMNS);
        parameters.addValues(access.parameters());
        // The number condition is only written when the query has a number, so that the planner can combine the
        // text index with the number index (a constant "false or ..." would hide that choice).
        String matching = """
                from search_document d, websearch_to_tsquery('vietnamese_unaccent', :q) query
                where (d.document @@ query""" + (wanted != null ? " or d.number = :number)" : ")")
                + "\n  and " + access.sql() + """

                  and (cast(:issuer as bigint) is null or d.issuer_unit_id = :issuer)
                  and (cast(:type as varchar) is null or d.type_code = :type)
                  and (cast(:year as integer) is null or extract(year from d.issued_on) = :year)
                  and (cast(:from as date) is null or d.issued_on >= :from)
                  and (cast(:to as date) is null or d.issued_on <= :to)
                """;
        // Counting stops past COUNT_LIMIT: "more than 5,000 results" needs no exact figure, and an exact count of
        // a broad query reads most of the table.
        long total = jdbc.queryForObject("select count(*) from (select 1 " + matching + " limit :countLimit) c",
                parameters, Long.class);
        String boost = wanted != null
                ? "(case when c.number = :number then 10 + similarity(c.number_key, :key) * 10 else 0 end) + "
                : "";
        // Which matches are ranked: all of them when they are at most COUNT_LIMIT; when a query matches more
        // (common words), the newest BROAD_CANDIDATES of them (or as many as the page needs), so that ranking
        // never reads most of the table.
        // Ranking reads the small head vector (number, symbol, subject, issuer); body and attachment text
        // decide whether a dispatch matches, the date orders the rest.
        boolean broad = total > countLimit;
        // Pages beyond the ranked newest matches follow them by date, so that every page is cut from the same order.
        String candidates = "select d.dispatch_id, d.head, d.issued_on, d.number, d.number_key, "
                + (broad ? "row_number() over (order by d.issued_on desc, d.dispatch_id desc) > " + broadCandidates
                        : "false") + " as unranked " + matching
                + (broad ? " order by d.issued_on desc, d.dispatch_id desc limit "
                        + Math.max(broadCandidates, pageable.getOffset() + pageable.getPageSize()) : "");
        if (broad) {
            // The newest matches of a common word are found by walking the date index and testing each row: a
            // few thousand rows, instead of fetching every match through the text index and sorting them.
            jdbc.getJdbcTemplate().execute("set local enable_bitmapscan = off");
        }
        // The passages are made for the page's rows only, from the subject, the opening of the body and one piece
        // of the attachment text (V33): the first piece whose words match, else the opening. ts_headline parses all
        // the text it is given, 30 ms and more for a whole 300 KB annex; left() of a column read from TOAST fetches
        // and decompresses only the slices it needs.
        List<SearchHit> hits = jdbc.query("""
                select d.dispatch_id, d.notation, d.type_code, d.issuer_name, d.issued_on, d.subject, d.visibility,
                    ts_headline('vietnamese_unaccent', d.subject || ' ' || left(d.body, :passageInput) || ' ' ||
                        coalesce((select p.content from search_passage p
                                  where p.dispatch_id = d.dispatch_id
                                    and p.words @@ websearch_to_tsquery('vietnamese_unaccent', :q)
                                  order by p.piece limit 1), left(d.attachment_text, :passageInput)),
                        websearch_to_tsquery('vietnamese_unaccent', :q),
                        'MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=" … ", StartSel=\uE000, StopSel=\uE001')
                        as passage
                from (
                    select c.dispatch_id, c.unranked, """ + boost + """
                        ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', c.head, websearch_to_tsquery('vietnamese_unaccent', :q))
                        as rank, c.issued_on
                    from (""" + candidates + """
                    ) c
                    order by c.unranked, rank desc, c.issued_on desc, c.dispatch_id desc
                    limit :limit offset :offset
                ) r
                join search_document d on d.dispatch_id = r.dispatch_id
                order by r.unranked, r.rank desc, r.issued_on desc, r.dispatch_id desc
                """, parameters, (rs, row) -> new SearchHit(rs.getLong("dispatch_id"), rs.getString("notation"),
                        rs.getString("type_code"), rs.getString("issuer_name"),
                        rs.getObject("issued_on", LocalDate.class), rs.getString("subject"),
                        passage(rs.getString("passage")), "PUBLIC".equals(rs.getString("visibility"))));
        return new PageImpl<>(hits, pageable, total);
    }

    /**
     * The issuers of the dispatches the viewer may see, for the filter: of public ones for everybody, of all for an
     * administrator, of the ones sent to the member's unit, and the clerk's own unit. An issuer that has only
     * dispatches the viewer may not see is not named. The distinct issuers are found by walking the
     * (visibility, issuer) index from one issuer to the next (a loose index scan), a few lookups per issuer
     * however many dispatches there are.
     */
    public Map<Long, String> issuers(Viewer viewer) {
        boolean admin = viewer.administrator();
        String[] visibilities = admin ? Arrays.stream(Visibility.values()).map(Visibility::name).toArray(String[]::new)
                : new String[] { Visibility.PUBLIC.name() };
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("visibilities", visibilities)
                .addValue("allVisibilities", Arrays.stream(Visibility.values()).map(Visibility::name).toArray(String[]::new))
                .addValue("clerkUnit", viewer.clerkUnitId())
                .addValue("memberUnits", viewer.recipientUnitIds().stream().sorted().toArray(Long[]::new));
        Map<Long, String> issuers = new LinkedHashMap<>();
        // Every visibility is walked (a few lookups per issuer, V25's index); an issuer of restricted dispatches only
        // is named to a member when one of them was sent to the member's unit, checked per issuer and stopping at the
        // first. The recipients cannot ride in the index: a btree entry holds at most 8 KB, less than the recipient
        // array of a dispatch sent to a few thousand units.
        jdbc.query("""
                with recursive walk (visibility, issuer) as (
                    select v.visibility, (select d.issuer_unit_id from search_document d
                                          where d.visibility = v.visibility order by d.issuer_unit_id limit 1)
                    from unnest(cast(:allVisibilities as varchar[])) v (visibility)
                  union all
                    select w.visibility, (select d.issuer_unit_id from search_document d
                                          where d.visibility = w.visibility and d.issuer_unit_id > w.issuer
                                          order by d.issuer_unit_id limit 1)
                    from walk w where w.issuer is not null
                ), visible (issuer) as (
                    select w.issuer from walk w
                    where w.issuer is not null
                      and (w.visibility = any (cast(:visibilities as varchar[]))
                           or (cardinality(cast(:memberUnits as bigint[])) > 0
                               and exists (select 1 from search_document d
                                           where d.visibility = w.visibility and d.issuer_unit_id = w.issuer
                                             and d.recipient_unit_ids && cast(:memberUnits as bigint[]))))
                  union
                    select cast(:clerkUnit as bigint) where exists (select 1 from search_document d
                        where d.visibility = any (cast(:allVisibilities as varchar[]))
                          and d.issuer_unit_id = cast(:clerkUnit as bigint))
                )
                select v.issuer, (select d.issuer_name from search_document d
                                  where d.visibility = any (cast(:allVisibilities as varchar[]))
                                    and d.issuer_unit_id = v.issuer limit 1) as name
                from visible v order by name, v.issuer
                """, parameters, rs -> {
                    issuers.put(rs.getLong(1), rs.getString(2));
                });
        return issuers;
    }

    static String passage(String raw) {
        if (raw == null) {
            return "";
        }
        String bounded = raw;
        if (bounded.length() > MAX_PASSAGE) {
            bounded = bounded.substring(0, MAX_PASSAGE);
            if (bounded.lastIndexOf(START) > bounded.lastIndexOf(STOP)) {
                bounded = bounded + STOP;
            }
            bounded = bounded + "…";
        }
        String escaped = HtmlUtils.htmlEscape(bounded.replace("\n", " "), "UTF-8");
        return escaped.replace(START, "<mark>").replace(STOP, "</mark>");
    }

}
