package vn.congvan.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
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
    public static final int COUNT_LIMIT = 1000;

    /** How many of the newest matches of a broad query are ranked. */
    static final int BROAD_CANDIDATES = 200;

    /** How many characters of an attachment text without a matching piece passages come from. */
    static final int PASSAGE_INPUT = SearchIndex.PIECE;

    /** How many characters of the body passages come from. */
    static final int BODY_INPUT = 1500;

    /** The longest passage shown, in characters before escaping: a "word" of thousands of letters stays bounded. */
    static final int MAX_PASSAGE = 400;

    /** The stripe of search documents that V42 indexes apart: written exactly as the partial index's predicate. */
    private static final String STRIPE = "d.dispatch_id / 64 % 4";

    /**
     * A number standing alone in a number key (ASCII): no letter, digit, mark or underscore touches it. Spelt out
     * rather than {@code \b}, whose meaning changed in JDK 19 (ADR 0067, amendment of 2026-12-01).
     */
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\p{L}\\p{Nd}\\p{M}_])0*(\\d{1,9})(?![\\p{L}\\p{Nd}\\p{M}_])");

    // Private-use characters mark the matched words, so that the passage can be escaped before <mark> is added.
    private static final String START = "\uE000";

    private static final String STOP = "\uE001";

    private final NamedParameterJdbcTemplate jdbc;

    private final int countLimit;

    private final int broadCandidates;

    private final int recentSize;

    @Autowired
    DispatchSearch(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, COUNT_LIMIT, BROAD_CANDIDATES);
    }

    /** With other thresholds, so that tests can reach the broad-query path with a few dispatches. */
    DispatchSearch(NamedParameterJdbcTemplate jdbc, int countLimit, int broadCandidates) {
        this(jdbc, countLimit, broadCandidates, SearchIndex.RECENT);
    }

    /** The same, for a recent set of another size (it only sizes the windows tried after it). */
    DispatchSearch(NamedParameterJdbcTemplate jdbc, int countLimit, int broadCandidates, int recentSize) {
        this.jdbc = jdbc;
        this.countLimit = countLimit;
        this.broadCandidates = broadCandidates;
        this.recentSize = recentSize;
    }

    /** The read model's columns, as the access policy reads them; it holds published dispatches only. */
    private static final DispatchAccess.Columns COLUMNS = DispatchAccess.Columns.ofPublishedCopy(
            "d.dispatch_id", "d.visibility", "d.issuer_unit_id", "d.recipient_unit_ids");

    public Page<SearchHit> search(SearchQuery query, Viewer viewer, Pageable pageable) {
        if (query.isBlank()) {
            return Page.empty(pageable);
        }
        // Only bitmap scans find the matches (ADR 0025). A sequential scan or a walk along the date or primary key
        // index tests each row's whole document vector, read from TOAST (up to a megabyte for a long annex); the
        // planner prices neither. A bitmap scan of the GIN index is exact for words and reads no vector at all.
        // Settings that go together are sent in one round trip: the portal and its database share a core. No parallel
        // workers: starting them costs more than these bounded scans (8 ms for a number's count on the city's data),
        // and a parallel append would run the count's stripe and rest at once instead of stopping after the stripe.
        jdbc.getJdbcTemplate()
                .execute("set local enable_seqscan = off; set local enable_indexscan = off;"
                        + " set local max_parallel_workers_per_gather = 0");
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
                .addValue("bodyInput", BODY_INPUT)
                .addValue("limit", pageable.getPageSize())
                .addValue("offset", pageable.getOffset());
        DispatchAccess.Condition access = DispatchAccess.condition(viewer, Audience.ANY, COLUMNS);
        parameters.addValues(access.parameters());
        // Words in a phrase (quotes, "65-CV") are matched as words: confirming word positions needs each
        // candidate's whole document vector, which cost 0.5 s for a phrase of common syllables. The phrase still
        // ranks first when it stands in the number or subject, and is marked in the passage.
        // The number condition is only written when the query has a number, so that the planner can combine the
        // text index with the number index (a constant "false or ..." would hide that choice). The access
        // condition reads only columns of the row: a filter on rows already found, never a join (ADR 0025, 0030).
        String matching = """
                from search_document d, websearch_to_tsquery('vietnamese_unaccent', :q) phrase,
                    cast(regexp_replace(cast(phrase as text), '<[0-9-]+>', '&', 'g') as tsquery) query_words
                where (d.document @@ query_words""" + (wanted != null ? " or d.number = :number)" : ")") + """

                  and (""" + access.sql() + """
                )
                  and (cast(:issuer as bigint) is null or d.issuer_unit_id = :issuer)
                  and (cast(:type as varchar) is null or d.type_code = :type)
                  and (cast(:year as integer) is null or extract(year from d.issued_on) = :year)
                  and (cast(:from as date) is null or d.issued_on >= :from)
                  and (cast(:to as date) is null or d.issued_on <= :to)
                """;
        // Counting stops past COUNT_LIMIT: "more than 1,000 results" needs no exact figure, and each counted match
        // is a heap row read. The stripe (a quarter of the documents, V42) is counted first: its index has posting
        // lists a quarter as long, and a common word finds its 1,001 matches there, so that the whole index is not
        // decoded (ADR 0039). The rest comes from the whole index only when the stripe holds fewer.
        long total = jdbc.queryForObject(
                "select count(*) from (select 1 " + matching + "  and " + STRIPE + " = 0\n"
                        + "union all select 1 " + matching + "  and " + STRIPE + " <> 0\n"
                        + "limit :countLimit) c",
                parameters,
                Long.class);
        if (total == 0) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        List<Long> page = total > countLimit
                ? broadPage(matching, parameters, pageable, wanted)
                : rankedPage(matching, parameters, wanted, false).ids();
        return new PageImpl<>(page.isEmpty() ? List.of() : hits(page, parameters), pageable, total);
    }

    /**
     * The ids of the page, ranked among the candidates: all matches, or (with {@code newest}) the newest
     * {@code :needed} of them, of which the first {@code :ranked} are ranked and the rest follow by date.
     */
    private Ranked rankedPage(String matching, MapSqlParameterSource parameters, Integer wanted, boolean newest) {
        String boost = wanted != null
                ? "(case when c.number = :number then 10 + similarity(c.number_key, :key) * 10 else 0 end) + "
                : "";
        String unranked =
                newest ? "row_number() over (order by d.issued_on desc, d.dispatch_id desc) > :ranked" : "false";
        // Ranking reads the small head vector (number, symbol, subject, issuer) with the query as typed, so an
        // exact phrase in the subject ranks first; body and attachment text decide whether a dispatch matches,
        // the date orders the rest.
        List<Long> ids = new java.util.ArrayList<>();
        long[] candidates = {0};
        jdbc.query(
                "select c.dispatch_id, count(*) over () from (select d.dispatch_id, d.head, d.issued_on, d.number, "
                        + "d.number_key, phrase, " + unranked + " as unranked " + matching
                        + (newest ? " order by d.issued_on desc, d.dispatch_id desc limit :needed" : "") + """
                ) c
                order by c.unranked, """ + boost
                        + """
                    ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', c.head, c.phrase) desc, c.issued_on desc, c.dispatch_id desc
                limit :limit offset :offset
                """,
                parameters,
                rs -> {
                    ids.add(rs.getLong(1));
                    candidates[0] = rs.getLong(2);
                });
        return new Ranked(ids, candidates[0]);
    }

    /** A page of ids, and how many candidates it was ranked among (0 when the page is past them). */
    private record Ranked(List<Long> ids, long candidates) {}

    /**
     * A query matching more than COUNT_LIMIT dispatches ranks its newest BROAD_CANDIDATES matches (pages beyond them
     * follow by date, so that every page is cut from one order). They are looked for first among the recent search
     * documents, the newest {@link SearchIndex#RECENT}, through their own small GIN index (V52, ADR 0057): those rows
     * are a prefix of the date order, so the newest matches among them are the newest matches overall. When they hold
     * too few, the newest matches are found in a window of the newest dispatches, as the intersection of the text
     * index and the date index: the heap rows read are the matches inside the window, not every match, and no document
     * vector is read. The window widens until it holds enough matches (a filter or a rarer word needs a wider one);
     * the last try has no window.
     */
    private List<Long> broadPage(String matching, MapSqlParameterSource parameters, Pageable pageable, Integer wanted) {
        long needed = Math.max(broadCandidates, pageable.getOffset() + pageable.getPageSize());
        parameters.addValue("needed", needed).addValue("ranked", broadCandidates);
        // A bitmap scan of the recent documents' GIN index (a few thousand entries per word, where the whole index
        // has tens of thousands) and the heap rows of their matches: a word in nearly every dispatch reads most of
        // them. The walk along the date index it replaces read each newest row's whole document vector.
        Ranked recent = rankedPage(matching + "  and d.recent\n", parameters, wanted, true);
        if (recent.candidates() >= needed) {
            return recent.ids();
        }
        for (long window : windows(needed, recentSize, recent.candidates())) {
            // The window's start is read from the date index (an index-only scan, which the text search turned off).
            jdbc.getJdbcTemplate().execute("set local enable_indexscan = " + (window != 0));
            LocalDate since = window == 0 ? null : newest(window);
            jdbc.getJdbcTemplate().execute("set local enable_indexscan = off");
            if (window != 0 && since == null) {
                continue;
            }
            parameters.addValue("since", since);
            Ranked ranked = rankedPage(
                    matching + (since == null ? "" : "  and d.issued_on >= :since\n"), parameters, wanted, true);
            if (since == null || ranked.candidates() >= needed) {
                return ranked.ids();
            }
        }
        throw new IllegalStateException("the last window is the whole index");
    }

    /**
     * The windows of newest dispatches to try, narrowest first, the last (0) being the whole index. The {@code found}
     * matches among the newest {@code walked} dispatches (the recent documents, ADR 0057) tell how dense the words
     * are: the first window is the one that should hold {@code needed} matches at that density, with half again as a
     * margin, and a fixed step follows only if it is more than twice as wide (ADR 0052).
     * Each window whose bitmap scan fails costs a decoding of the words' whole posting lists, and a window far wider
     * than needed reads every match inside it from the heap. Which window answers never changes the page: any window
     * holding {@code needed} matches holds the same newest ones.
     */
    static long[] windows(long needed, long walked, long found) {
        long[] fixed = {needed * 10, needed * 100};
        if (found <= 0 || walked <= 0) {
            // No density seen: the fixed steps, but none inside the newest dispatches already read without a match.
            return LongStream.concat(Arrays.stream(fixed).filter(window -> window > walked), LongStream.of(0))
                    .toArray();
        }
        long dense = Math.multiplyExact(needed, walked) / found;
        long first = dense + dense / 2;
        return LongStream.concat(
                        LongStream.concat(
                                LongStream.of(first), Arrays.stream(fixed).filter(window -> window > first * 2)),
                        LongStream.of(0))
                .toArray();
    }

    /** The date of the n-th newest dispatch, from the date index; null when there are fewer. */
    private LocalDate newest(long n) {
        return jdbc.query(
                """
                select issued_on from search_document order by issued_on desc, dispatch_id desc
                offset :skip limit 1
                """,
                new MapSqlParameterSource("skip", n - 1),
                rs -> rs.next() ? rs.getObject(1, LocalDate.class) : null);
    }

    /**
     * The page's rows with their passages, made from the subject, the opening of the body and one piece of the
     * attachment text (V33, V34): the first piece whose words match, else the opening. ts_headline parses all the
     * text it is given, so its input is bounded (about 2,600 characters a row); left() of a column read from TOAST
     * fetches and decompresses only the slices it needs.
     */
    private List<SearchHit> hits(List<Long> ids, MapSqlParameterSource parameters) {
        // The pieces are looked up in order through the primary key.
        jdbc.getJdbcTemplate().execute("set local enable_indexscan = on");
        parameters.addValue("ids", ids.toArray(Long[]::new));
        Map<Long, SearchHit> hits = new LinkedHashMap<>();
        ids.forEach(id -> hits.put(id, null));
        jdbc.query("""
                select d.dispatch_id, d.notation, d.type_code, d.issuer_name, d.issued_on, d.subject, d.visibility,
                    ts_headline('vietnamese_unaccent', d.subject || ' ' || left(d.body, :bodyInput) || ' ' ||
                        coalesce((select p.content from search_passage p
                                  where p.dispatch_id = d.dispatch_id and p.words @@ query_words
                                  order by p.piece limit 1), left(d.attachment_text, :passageInput)),
                        query_words,
                        'MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=" … ", StartSel=\uE000, StopSel=\uE001')
                        as passage
                from search_document d, websearch_to_tsquery('vietnamese_unaccent', :q) phrase,
                    cast(regexp_replace(cast(phrase as text), '<[0-9-]+>', '&', 'g') as tsquery) query_words
                where d.dispatch_id = any (cast(:ids as bigint[]))
                """, parameters, rs -> {
            hits.put(
                    rs.getLong("dispatch_id"),
                    new SearchHit(
                            rs.getLong("dispatch_id"),
                            rs.getString("notation"),
                            rs.getString("type_code"),
                            rs.getString("issuer_name"),
                            rs.getObject("issued_on", LocalDate.class),
                            rs.getString("subject"),
                            passage(rs.getString("passage")),
                            "PUBLIC".equals(rs.getString("visibility"))));
        });
        return hits.values().stream().filter(java.util.Objects::nonNull).toList();
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
        String[] visibilities = admin
                ? Arrays.stream(Visibility.values()).map(Visibility::name).toArray(String[]::new)
                : new String[] {Visibility.PUBLIC.name()};
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("visibilities", visibilities)
                .addValue(
                        "allVisibilities",
                        Arrays.stream(Visibility.values()).map(Visibility::name).toArray(String[]::new))
                .addValue("clerkUnit", viewer.clerkUnitId())
                .addValue(
                        "memberUnits",
                        viewer.recipientUnitIds().stream().sorted().toArray(Long[]::new));
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
