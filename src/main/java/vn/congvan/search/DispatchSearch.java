package vn.congvan.search;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import vn.congvan.account.CurrentUser;

/**
 * Full-text search over published dispatches and the text of their attachments, in PostgreSQL: a {@code simple}
 * configuration behind {@code unaccent} (with or without diacritics alike), weights A (subject) to D (attachment
 * text), {@code ts_headline} for the passage. A number in the query finds the dispatch with that number first, and
 * the letters around it are compared with its normalised symbol ("65-CV/BTGQU", "65/BTGQU", "cv 65" all lead to
 * 65-CV/BTGQU). The access rule is the one of the dispatch module: public, or sent to the viewer's unit, or issued
 * by the clerk's unit, or any for an administrator.
 */
@Service
@Transactional(readOnly = true)
public class DispatchSearch {

    private static final Pattern NUMBER = Pattern.compile("\\b0*(\\d{1,9})\\b");

    // Private-use characters mark the matched words, so that the passage can be escaped before <mark> is added.
    private static final String START = "\uE000";

    private static final String STOP = "\uE001";

    private final NamedParameterJdbcTemplate jdbc;

    DispatchSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<SearchHit> search(SearchQuery query, CurrentUser viewer, Pageable pageable) {
        if (query.isBlank()) {
            return Page.empty(pageable);
        }
        String text = query.text().strip();
        Matcher number = NUMBER.matcher(SearchIndex.numberKey(text));
        Integer wanted = number.find() ? Integer.valueOf(number.group(1)) : null;
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("q", text)
                .addValue("key", SearchIndex.numberKey(text))
                .addValue("number", wanted)
                .addValue("admin", viewer != null && viewer.isAdmin())
                .addValue("clerkUnit", viewer != null && viewer.roles().contains(vn.congvan.account.Role.CLERK) ? viewer.unitId() : null)
                .addValue("memberUnit", viewer != null && viewer.roles().contains(vn.congvan.account.Role.MEMBER) ? viewer.unitId() : null)
                .addValue("issuer", query.issuerUnitId())
                .addValue("type", query.typeCode())
                .addValue("year", query.year())
                .addValue("from", query.from())
                .addValue("to", query.to())
                .addValue("limit", pageable.getPageSize())
                .addValue("offset", pageable.getOffset());
        String matching = """
                from search_document d, websearch_to_tsquery('vietnamese_unaccent', :q) query
                where (d.document @@ query or (cast(:number as integer) is not null and d.number = :number))
                  and (d.visibility = 'PUBLIC' or :admin
                       or (cast(:clerkUnit as bigint) is not null and d.issuer_unit_id = :clerkUnit)
                       or (cast(:memberUnit as bigint) is not null and :memberUnit = any (d.recipient_unit_ids)))
                  and (cast(:issuer as bigint) is null or d.issuer_unit_id = :issuer)
                  and (cast(:type as varchar) is null or d.type_code = :type)
                  and (cast(:year as integer) is null or extract(year from d.issued_on) = :year)
                  and (cast(:from as date) is null or d.issued_on >= :from)
                  and (cast(:to as date) is null or d.issued_on <= :to)
                """;
        long total = jdbc.queryForObject("select count(*) " + matching, parameters, Long.class);
        // The passage is made for the page's rows only: ts_headline reads the whole text.
        List<SearchHit> hits = jdbc.query("""
                select r.*, ts_headline('vietnamese_unaccent', r.subject || ' ' || r.body || ' ' || r.attachment_text,
                    websearch_to_tsquery('vietnamese_unaccent', :q),
                    'MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=" … ", StartSel=\uE000, StopSel=\uE001')
                    as passage
                from (
                    select d.dispatch_id, d.notation, d.type_code, d.issuer_name, d.issued_on, d.subject, d.body,
                        d.attachment_text, d.visibility,
                        (case when cast(:number as integer) is not null and d.number = :number
                              then 10 + similarity(d.number_key, :key) * 10 else 0 end)
                        + ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.document, query) as rank
                """ + matching + """
                    order by rank desc, d.issued_on desc, d.dispatch_id desc
                    limit :limit offset :offset
                ) r
                order by r.rank desc, r.issued_on desc, r.dispatch_id desc
                """, parameters, (rs, row) -> new SearchHit(rs.getLong("dispatch_id"), rs.getString("notation"),
                        rs.getString("type_code"), rs.getString("issuer_name"),
                        rs.getObject("issued_on", java.time.LocalDate.class), rs.getString("subject"),
                        passage(rs.getString("passage")), "PUBLIC".equals(rs.getString("visibility"))));
        return new PageImpl<>(hits, pageable, total);
    }

    /** Issuers that have something in the index, for the filter. */
    public Map<Long, String> issuers() {
        Map<Long, String> issuers = new java.util.LinkedHashMap<>();
        jdbc.query("select distinct issuer_unit_id, issuer_name from search_document order by issuer_name",
                new MapSqlParameterSource(), rs -> {
                    issuers.put(rs.getLong(1), rs.getString(2));
                });
        return issuers;
    }

    static String passage(String raw) {
        if (raw == null) {
            return "";
        }
        String escaped = HtmlUtils.htmlEscape(raw.replace("\n", " "), "UTF-8");
        return escaped.replace(START, "<mark>").replace(STOP, "</mark>");
    }

}
