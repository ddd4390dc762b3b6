package vn.congvan.search;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.congvan.dispatch.Viewer;

/**
 * Search latency over a generated corpus: NOT a test (run it with {@code bench/search.sh}, i.e.
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:java}).
 *
 * <p>Starts an embedded PostgreSQL 17, applies the Flyway migrations, loads {@code bench.rows} (default 100,000)
 * published dispatches straight into {@code dispatch} and {@code search_document} by COPY, with subjects, bodies
 * and attachment text made of the paragraphs of the sample briefing (one row in {@code bench.longEvery} with a long
 * attachment text of 40 to 400 KB, as real briefings have), then times a fixed list of queries through the whole
 * search page as {@code SearchController} runs it ({@link DispatchSearch#search}, {@link DispatchSearch#issuers} and
 * the document types; not the template), for an anonymous and a member viewer, and prints where a passage's time
 * goes, the plans of representative queries and the timings of a few alternative SQL variants.
 *
 * <p>System properties: {@code bench.rows} (100000), {@code bench.runs} (30), {@code bench.warmup} (5),
 * {@code bench.sample} (the briefing text), {@code bench.longEvery} (200), {@code bench.variants} (true),
 * {@code bench.port} (the embedded database's port), {@code bench.hold} (a file: after loading, wait until it is
 * deleted, so that the database can be examined with psql), {@code bench.reuse} (the JDBC URL of a database loaded
 * and held by another run: measure only).
 */
class SearchBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 100_000);

    static final int RUNS = Integer.getInteger("bench.runs", 30);

    static final int WARMUP = Integer.getInteger("bench.warmup", 5);

    /** Stop timing a query once this many ms were spent on it (at least 5 runs), so slow queries stay bounded. */
    static final long BUDGET_MS = Long.getLong("bench.budget", 2000);

    static final boolean VARIANTS = Boolean.parseBoolean(System.getProperty("bench.variants", "true"));

    static final String SAMPLE =
            System.getProperty("bench.sample", "/work/shared/samples/65-CV-BTGQU-thong-bao-nhanh.txt");

    /** Queries by group; each is run for the anonymous and for the member viewer. */
    static final Map<String, List<String>> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("with diacritics", List.of("tuyên giáo", "Đảng bộ thành phố", "kinh tế - xã hội"));
        QUERIES.put("no diacritics", List.of("tuyen giao", "dang bo thanh pho", "kinh te xa hoi"));
        QUERIES.put("numbers", List.of("65-CV", "65-CV/BTGQU", "cv 65", "3080", "05/QĐ-UBND", "nghi quyet 98"));
        QUERIES.put("rare words", List.of("Thạnh Mỹ Lợi", "thanh my loi", "\"chuyển đổi số\""));
        QUERIES.put("attachment only", List.of("rach xuyen tam", "Rạch Xuyên Tâm"));
        QUERIES.put("no match", List.of("xyzzyq", "qwertyzx"));
    }

    /** One row in this many carries a long attachment text (a whole briefing with annexes): 40 to 400 KB. */
    static final int LONG_EVERY = Integer.getInteger("bench.longEvery", 200);

    static final int LONG_MIN = 40_000;

    static final int LONG_MAX = 400_000;

    /** The text the long attachments are made of: the sample briefing and the full dispatch, when present. */
    static List<String> longParagraphs;

    record Issuer(long id, String code, String name, String suffix, String family, String kind, int weight) {}

    static final List<Issuer> ISSUERS = List.of(
            new Issuer(1, "TU", "Thành ủy Thành phố Hồ Chí Minh", "TU", "PARTY", "PARTY_COMMITTEE", 6),
            new Issuer(2, "BTGTU", "Ban Tuyên giáo Thành ủy", "BTGTU", "PARTY", "PARTY_BOARD", 10),
            new Issuer(3, "QU", "Quận ủy Quận 1", "QU", "PARTY", "PARTY_COMMITTEE", 8),
            new Issuer(4, "BTGQU", "Ban Tuyên giáo Quận ủy", "BTGQU", "PARTY", "PARTY_BOARD", 14),
            new Issuer(5, "VPQU", "Văn phòng Quận ủy", "VPQU", "PARTY", "PARTY_STANDING_OFFICE", 8),
            new Issuer(6, "BDVQU", "Ban Dân vận Quận ủy", "BDVQU", "PARTY", "PARTY_BOARD", 6),
            new Issuer(7, "UBND", "Ủy ban nhân dân Quận 1", "UBND", "STATE", "STATE_AGENCY", 30),
            new Issuer(8, "MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam Quận 1", "MTTQ", "MASS_ORG", "FATHERLAND_FRONT", 8),
            new Issuer(9, "QDTN", "Quận Đoàn 1", "QĐTN", "MASS_ORG", "SOCIO_POLITICAL_ORGANISATION", 5),
            new Issuer(
                    10,
                    "HLHPN",
                    "Hội Liên hiệp Phụ nữ Quận 1",
                    "HLHPN",
                    "MASS_ORG",
                    "SOCIO_POLITICAL_ORGANISATION",
                    5));

    static final String[] WARDS = {
        "Bến Nghé",
        "Bến Thành",
        "Cầu Kho",
        "Cầu Ông Lãnh",
        "Cô Giang",
        "Đa Kao",
        "Nguyễn Cư Trinh",
        "Nguyễn Thái Bình",
        "Phạm Ngũ Lão",
        "Tân Định",
        "Sài Gòn",
        "Thạnh Mỹ Tây",
        "Bình Thạnh",
        "Gia Định",
        "Xuân Hòa",
        "Bàn Cờ",
        "Nhiêu Lộc",
        "Chợ Quán",
        "An Đông",
        "Vườn Lài"
    };

    /** Types with their weight; party documents use "N-KH/BTGQU", state ones "N/KH-UBND" ("N/UBND" for CV). */
    static final String[][] TYPES = {
        {"CV", "40"},
        {"KH", "12"},
        {"TB", "10"},
        {"BC", "10"},
        {"HD", "6"},
        {"QĐ", "8"},
        {"GM", "8"},
        {"CT", "2"},
        {"NQ", "2"},
        {"KL", "2"}
    };

    static final String[] SUBJECTS = {
        "Về việc tổ chức học tập, quán triệt Nghị quyết số %d-NQ/TW của Bộ Chính trị",
        "Về việc triển khai thực hiện Nghị quyết số 98/2023/QH15 của Quốc hội về thí điểm một số cơ chế, chính sách đặc thù phát triển Thành phố Hồ Chí Minh",
        "Thông báo nhanh kết quả Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ %d",
        "Kế hoạch tuyên truyền kỷ niệm %d năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "Báo cáo tình hình kinh tế - xã hội tháng %d và nhiệm vụ trọng tâm tháng tiếp theo",
        "Hướng dẫn công tác tuyên giáo năm %d",
        "Về việc định hướng thông tin tuyên truyền tuần %d",
        "Về việc tổ chức hội nghị báo cáo viên định kỳ tháng %d",
        "Kế hoạch tổ chức Hội nghị sơ kết %d tháng thực hiện Chỉ thị số 05-CT/TW",
        "Về việc cử cán bộ tham dự lớp bồi dưỡng nghiệp vụ công tác tuyên giáo khóa %d",
        "Báo cáo kết quả công tác dân vận %d tháng đầu năm",
        "Về việc tăng cường công tác nắm bắt tình hình tư tưởng của cán bộ, đảng viên và Nhân dân",
        "Giấy mời dự Hội nghị học tập chuyên đề năm %d",
        "Về việc triển khai Cuộc thi tìm hiểu lịch sử Đảng bộ thành phố lần thứ %d",
        "Thông báo kết luận của Thường trực Quận ủy tại buổi làm việc với Đảng ủy phường",
        "Về việc góp ý dự thảo Báo cáo chính trị trình Đại hội Đảng bộ lần thứ %d",
        "Kế hoạch kiểm tra, giám sát công tác xây dựng Đảng năm %d",
        "Về việc phòng, chống dịch bệnh và bảo đảm an sinh xã hội trên địa bàn",
        "Về việc tuyên truyền cải cách hành chính, cấp giấy chứng nhận quyền sử dụng đất",
        "Báo cáo tổng kết công tác khoa giáo và thi đua khen thưởng năm %d",
    };

    static final String RARE_SUBJECT = "Về việc đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan đảng";

    static final String RARE_NAME_SENTENCE = "Đồng chí Thạnh Mỹ Lợi phát biểu chỉ đạo tại hội nghị.";

    static final String ATTACHMENT_ONLY_SENTENCE =
            "Phụ lục: danh mục công trình chống ngập khu vực Rạch Xuyên Tâm, " + "tiến độ giải ngân và đơn vị chủ trì.";

    /** The member viewer belongs to this unit (a ward), which receives about one dispatch in ten. */
    static final long MEMBER_UNIT = 11;

    static List<String> paragraphs;

    public static void main(String[] args) throws Exception {
        paragraphs = paragraphs(Path.of(SAMPLE));
        longParagraphs = new ArrayList<>(paragraphs);
        Path full = Path.of(SAMPLE).resolveSibling("65-CV-BTGQU-full.txt");
        if (Files.exists(full)) {
            longParagraphs.addAll(paragraphs(full));
        }
        System.out.printf(
                "sample: %d paragraphs; rows %d, runs %d, warm-up %d, cores %d%n",
                paragraphs.size(), ROWS, RUNS, WARMUP, Runtime.getRuntime().availableProcessors());
        String reuse = System.getProperty("bench.reuse");
        if (reuse != null) {
            // Measures again over a database loaded and held by an earlier run (bench.hold), without loading.
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(reuse);
            config.setMaximumPoolSize(3);
            try (HikariDataSource dataSource = new HikariDataSource(config)) {
                measure(new JdbcTemplate(dataSource), new NamedParameterJdbcTemplate(dataSource));
            }
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (Integer.getInteger("bench.port") != null) {
            builder.setPort(Integer.getInteger("bench.port"));
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(3);
            try (HikariDataSource dataSource = new HikariDataSource(config)) {
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                System.out.println(jdbc.queryForObject("select version()", String.class));
                load(jdbc, dataSource);
                String hold = System.getProperty("bench.hold");
                if (hold != null) {
                    // Keeps the loaded database for psql (port bench.port) until the file named is deleted.
                    Files.writeString(Path.of(hold), postgres.getJdbcUrl("postgres", "postgres"));
                    System.out.println("holding the database until " + hold + " is deleted");
                    while (Files.exists(Path.of(hold))) {
                        Thread.sleep(1000);
                    }
                }
                measure(jdbc, new NamedParameterJdbcTemplate(dataSource));
            }
        }
    }

    static boolean passagesTableExists(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select to_regclass('search_passage') is not null", Boolean.class));
    }

    static List<String> paragraphs(Path file) throws IOException {
        return Arrays.stream(Files.readString(file, StandardCharsets.UTF_8).split("\\n\\s*\\n"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    // ---------------------------------------------------------------------------------------------- loading

    static void load(JdbcTemplate jdbc, HikariDataSource dataSource) throws Exception {
        long started = System.nanoTime();
        for (Issuer issuer : ISSUERS) {
            jdbc.update(
                    "insert into unit (id, kind, code, name, short_name, symbol_code) values (?, ?, ?, ?, ?, ?)",
                    issuer.id(),
                    issuer.kind(),
                    issuer.code(),
                    issuer.name(),
                    issuer.name(),
                    issuer.suffix());
        }
        for (int i = 0; i < WARDS.length; i++) {
            jdbc.update(
                    "insert into unit (id, parent_id, kind, code, name, short_name) values (?, 3, "
                            + "'GRASSROOTS_PARTY_COMMITTEE', ?, ?, ?)",
                    11 + i,
                    "DUP" + (i + 1),
                    "Đảng ủy phường " + WARDS[i],
                    "Đảng ủy phường " + WARDS[i]);
        }
        // The indexes of search_document are built once after the load, with their exact definitions.
        List<String> indexes = jdbc.queryForList(
                "select indexdef from pg_indexes where tablename = 'search_document' "
                        + "and indexname <> 'search_document_pkey'",
                String.class);
        for (String name : jdbc.queryForList(
                "select indexname from pg_indexes where tablename = 'search_document' "
                        + "and indexname <> 'search_document_pkey'",
                String.class)) {
            jdbc.execute("drop index " + name);
        }
        Meta[] metas = metadata();
        int chunk = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < ROWS; from += chunk) {
            int start = from;
            int end = Math.min(ROWS, from + chunk);
            futures.add(pool.submit(() -> {
                copyChunk(dataSource, metas, start, end);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        // The newest documents are marked recent as SearchIndex keeps them (V52), before their partial index is built.
        SearchIndex.keepRecent(jdbc, SearchIndex.RECENT);
        if (passagesTableExists(jdbc)) {
            // The pieces passages are taken from (V33), cut as SearchIndex cuts them.
            jdbc.update(
                    """
                    insert into search_passage (dispatch_id, piece, content)
                    select d.dispatch_id, p.piece, substr(d.attachment_text, (p.piece - 1) * %d + 1, %d)
                    from search_document d,
                        generate_series(1, ceil(length(d.attachment_text) / %d.0)::integer) p (piece)
                    where d.attachment_text <> ''
                    """.formatted(SearchIndex.PIECE, SearchIndex.PIECE + SearchIndex.PIECE_OVERLAP, SearchIndex.PIECE));
            jdbc.execute("vacuum analyze search_passage");
        }
        long loaded = System.nanoTime();
        jdbc.execute("set maintenance_work_mem = '512MB'");
        for (String index : indexes) {
            jdbc.execute(index);
        }
        jdbc.execute("vacuum analyze dispatch");
        jdbc.execute("vacuum analyze search_document");
        long indexed = System.nanoTime();
        System.out.printf(
                "loaded %d dispatches in %.1f s, indexes + vacuum analyze %.1f s; search_document %s "
                        + "(table + toast %s, indexes %s)%n",
                ROWS,
                (loaded - started) / 1e9,
                (indexed - loaded) / 1e9,
                jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('search_document'))", String.class),
                jdbc.queryForObject("select pg_size_pretty(pg_table_size('search_document'))", String.class),
                jdbc.queryForObject("select pg_size_pretty(pg_indexes_size('search_document'))", String.class));
        jdbc.queryForList("select indexname, pg_size_pretty(pg_relation_size(indexname::regclass)) as size "
                        + "from pg_indexes where tablename = 'search_document'")
                .forEach(row -> System.out.println("  " + row));
        System.out.println("  avg subject+body+attachment chars: "
                + jdbc.queryForObject(
                        "select round(avg(length(subject) + length(body) + length(attachment_text))) from search_document",
                        String.class)
                + "; with attachment text: "
                + jdbc.queryForObject("select count(*) from search_document where attachment_text <> ''", Long.class)
                + "; public: "
                + jdbc.queryForObject("select count(*) from search_document where visibility = 'PUBLIC'", Long.class)
                + "; sent to member unit: "
                + jdbc.queryForObject(
                        "select count(*) from search_document where " + MEMBER_UNIT + " = any (recipient_unit_ids)",
                        Long.class)
                + "; long attachment texts (>= 40,000 chars): "
                + jdbc.queryForObject(
                        "select count(*) || ', avg ' || round(avg(length(attachment_text))) || ' chars' from search_document "
                                + "where length(attachment_text) >= 40000",
                        String.class));
    }

    record Meta(
            long id,
            Issuer issuer,
            String type,
            int year,
            int number,
            LocalDate issuedOn,
            boolean isPublic,
            long[] recipients) {

        String symbol() {
            if (issuer.family().equals("STATE")) {
                return type.equals("CV") ? issuer.suffix() : type + "-" + issuer.suffix();
            }
            return type + "/" + issuer.suffix();
        }

        String notation() {
            String number = this.number < 10 ? "0" + this.number : String.valueOf(this.number);
            return issuer.family().equals("STATE") ? number + "/" + symbol() : number + "-" + symbol();
        }
    }

    /** Issuer, type, year and number of every row, with numbers counted per issuer, year and type (per issuer and
     * year for the state agency, which numbers all its documents in one series, so its numbers reach the 3000s). */
    static Meta[] metadata() {
        Random random = new Random(20251126);
        int issuerWeights = ISSUERS.stream().mapToInt(Issuer::weight).sum();
        int typeWeights =
                Arrays.stream(TYPES).mapToInt(t -> Integer.parseInt(t[1])).sum();
        Map<String, Integer> counters = new HashMap<>();
        Meta[] metas = new Meta[ROWS];
        for (int i = 0; i < ROWS; i++) {
            Issuer issuer = pick(ISSUERS, Issuer::weight, issuerWeights, random);
            int t = random.nextInt(typeWeights);
            String type = null;
            for (String[] candidate : TYPES) {
                t -= Integer.parseInt(candidate[1]);
                if (t < 0) {
                    type = candidate[0];
                    break;
                }
            }
            int year = 2019 + random.nextInt(7);
            String series = issuer.family().equals("STATE") ? issuer.code() + year : issuer.code() + year + type;
            int number = counters.merge(series, 1, Integer::sum);
            LocalDate issuedOn = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            long[] recipients = random.longs(1 + random.nextInt(5), 11, 11 + WARDS.length)
                    .distinct()
                    .toArray();
            metas[i] = new Meta(i + 1, issuer, type, year, number, issuedOn, random.nextInt(100) < 80, recipients);
        }
        return metas;
    }

    static <T> T pick(List<T> items, java.util.function.ToIntFunction<T> weight, int total, Random random) {
        int r = random.nextInt(total);
        for (T item : items) {
            r -= weight.applyAsInt(item);
            if (r < 0) {
                return item;
            }
        }
        throw new IllegalStateException();
    }

    static void copyChunk(HikariDataSource dataSource, Meta[] metas, int from, int to) throws Exception {
        StringBuilder dispatches = new StringBuilder(1 << 20);
        StringBuilder documents = new StringBuilder(1 << 22);
        for (int i = from; i < to; i++) {
            Meta m = metas[i];
            Random random = new Random(m.id() * 7919L);
            String subject = subject(m, random);
            String body = text(random, 2 + random.nextInt(4));
            if (random.nextInt(1000) < 3) {
                body = body + "\n\n" + RARE_NAME_SENTENCE;
            }
            String attachment = "";
            if (m.id() % LONG_EVERY == 0) {
                attachment = longText(random, LONG_MIN + random.nextInt(LONG_MAX - LONG_MIN));
                if (random.nextInt(20) < 1) {
                    attachment = attachment + "\n\n" + ATTACHMENT_ONLY_SENTENCE;
                }
                // As the extraction worker does: a tsvector holds at most 1 MB.
                attachment = attachment.substring(0, Math.min(attachment.length(), SearchIndex.MAX_INDEXED_TEXT));
            } else if (random.nextInt(100) < 40) {
                attachment = text(random, 4 + random.nextInt(7));
                if (random.nextInt(2000) < 1) {
                    attachment = attachment + "\n\n" + ATTACHMENT_ONLY_SENTENCE;
                }
            }
            String visibility = m.isPublic() ? "PUBLIC" : "RESTRICTED";
            String timestamp = m.issuedOn() + " 09:00:00+07";
            csv(
                    dispatches,
                    m.id(),
                    m.issuer().family(),
                    m.type(),
                    m.number(),
                    m.symbol(),
                    String.valueOf(m.year()),
                    m.issuer().id(),
                    m.issuer().name(),
                    m.issuer().name().toUpperCase(Locale.ROOT),
                    m.issuedOn(),
                    "Thành phố Hồ Chí Minh",
                    subject,
                    body,
                    visibility,
                    "PUBLISHED",
                    timestamp,
                    timestamp,
                    timestamp);
            StringBuilder recipients = new StringBuilder("{");
            for (long r : m.recipients()) {
                recipients.append(recipients.length() > 1 ? "," : "").append(r);
            }
            csv(
                    documents,
                    m.id(),
                    visibility,
                    m.issuer().id(),
                    m.issuer().name(),
                    m.type(),
                    m.issuedOn(),
                    m.number(),
                    SearchIndex.numberKey(m.notation()),
                    m.notation(),
                    subject,
                    body,
                    attachment,
                    recipients.append('}').toString());
        }
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(
                    "copy dispatch (id, family, type_code, number, symbol, numbering_series, issuer_unit_id, "
                            + "issuer_name, issuer_header, issued_on, place, subject, body, visibility, status, created_at, "
                            + "updated_at, published_at) from stdin (format csv)",
                    new StringReader(dispatches.toString()));
            copy.copyIn(
                    "copy search_document (dispatch_id, visibility, issuer_unit_id, issuer_name, type_code, "
                            + "issued_on, number, number_key, notation, subject, body, attachment_text, recipient_unit_ids) "
                            + "from stdin (format csv)",
                    new StringReader(documents.toString()));
        }
    }

    static String subject(Meta m, Random random) {
        if (random.nextInt(1000) < 5) {
            return RARE_SUBJECT;
        }
        String template = SUBJECTS[random.nextInt(SUBJECTS.length)];
        return template.contains("%d") ? String.format(template, 1 + random.nextInt(m.year() - 1990)) : template;
    }

    /** Paragraphs of the briefing, some of them cut to a few sentences, in a random order. */
    static String text(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String paragraph = paragraphs.get(random.nextInt(paragraphs.size()));
            if (random.nextBoolean()) {
                String[] sentences = paragraph.split("(?<=[.;:])\\s+");
                int start = random.nextInt(sentences.length);
                int end = Math.min(sentences.length, start + 1 + random.nextInt(3));
                paragraph = String.join(" ", Arrays.asList(sentences).subList(start, end));
            }
            text.append(text.length() > 0 ? "\n\n" : "").append(paragraph);
        }
        return text.toString();
    }

    /** A long annex: the briefing's paragraphs again and again, in a varied order, numbered like sections. */
    static String longText(Random random, int length) {
        StringBuilder text = new StringBuilder(length + 4096);
        int section = 1;
        while (text.length() < length) {
            String paragraph = longParagraphs.get(random.nextInt(longParagraphs.size()));
            text.append(text.length() > 0 ? "\n\n" : "")
                    .append(section++)
                    .append(". ")
                    .append(paragraph);
        }
        return text.toString();
    }

    static void csv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = String.valueOf(values[i]);
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        out.append('\n');
    }

    // ---------------------------------------------------------------------------------------------- measuring

    static void measure(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        DispatchSearch search = new DispatchSearch(named);
        // As in the application, each search runs in one (read-only) transaction, so its local settings apply.
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.support.JdbcTransactionManager(jdbc.getDataSource()));
        transaction.setReadOnly(true);
        Viewer member = new Viewer("member", Set.of(MEMBER_UNIT), null, false);
        Map<String, Viewer> viewers = new LinkedHashMap<>();
        viewers.put("anonymous", Viewer.anonymous());
        viewers.put("member", member);
        PageRequest page = PageRequest.of(0, 20);
        // The pool opens its connections in the background; wait for them, so that every backend is counted.
        for (int i = 0;
                i < 100
                        && jdbc.queryForObject(
                                        "select count(*) from pg_stat_activity where backend_type = "
                                                + "'client backend' and datname = current_database()",
                                        Integer.class)
                                < 3;
                i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        backends = jdbc.queryForList(
                "select pid from pg_stat_activity where backend_type = 'client backend' "
                        + "and datname = current_database()",
                Long.class);
        System.out.println("database backends whose CPU time is counted: " + backends);

        List<Double> all = new ArrayList<>();
        List<Double> allCpu = new ArrayList<>();
        Map<String, List<Double>> groupsCpu = new LinkedHashMap<>();
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        // The whole search page does what SearchController does: the search (count, ranked page, passages), the
        // issuers the viewer may filter by, and the document types; each in its own transaction, as there.
        // Rendering the template is not included (a page of 20 rows, about a millisecond).
        System.out.printf(
                "%n== Search page (DispatchSearch.search + issuers + types), page of 20, %d runs after %d "
                        + "warm-up runs (ms); 'search' = p50 of DispatchSearch.search alone ==%n",
                RUNS, WARMUP);
        System.out.printf(
                "%-16s %-10s %-22s %8s %5s %8s %8s %8s %8s %8s %8s %8s%n",
                "group", "viewer", "query", "matches", "runs", "p50", "p95", "max", "search", "passage", "cpu p50",
                "cpu p95");
        long benchStart = System.nanoTime();
        for (var group : QUERIES.entrySet()) {
            for (String text : group.getValue()) {
                for (var viewer : viewers.entrySet()) {
                    SearchQuery query = new SearchQuery(text, null, null, null, null, null);
                    long[] total = new long[1];
                    int[] longest = new int[1];
                    List<Double> searchTimes = new ArrayList<>();
                    double[] times = time(() -> {
                        long start = System.nanoTime();
                        var hits = transaction.execute(status -> search.search(query, viewer.getValue(), page));
                        searchTimes.add((System.nanoTime() - start) / 1e6);
                        total[0] = hits.getTotalElements();
                        longest[0] = hits.getContent().stream()
                                .mapToInt(h -> h.snippetHtml().length())
                                .max()
                                .orElse(0);
                        transaction.execute(status -> search.issuers(viewer.getValue()));
                        jdbc.queryForList("select code, name from dispatch_type order by name");
                        return null;
                    });
                    double[] cpu = lastCpu;
                    for (double t : times) {
                        all.add(t);
                        groups.computeIfAbsent(group.getKey(), k -> new ArrayList<>())
                                .add(t);
                    }
                    for (double t : cpu) {
                        allCpu.add(t);
                        groupsCpu
                                .computeIfAbsent(group.getKey(), k -> new ArrayList<>())
                                .add(t);
                    }
                    System.out.printf(
                            "%-16s %-10s %-22s %8d %5d %8.1f %8.1f %8.1f %8.1f %8d %8.1f %8.1f%n",
                            group.getKey(),
                            viewer.getKey(),
                            text,
                            total[0],
                            times.length,
                            percentile(times, 50),
                            percentile(times, 95),
                            percentile(times, 100),
                            percentile(
                                    searchTimes.stream()
                                            .mapToDouble(Double::doubleValue)
                                            .toArray(),
                                    50),
                            longest[0],
                            percentile(cpu, 50),
                            percentile(cpu, 95));
                }
            }
        }
        System.out.println();
        for (var group : groups.entrySet()) {
            double[] times =
                    group.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            double[] cpu = groupsCpu.get(group.getKey()).stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
            System.out.printf(
                    "group %-16s p50 %7.1f ms  p95 %7.1f ms   cpu p50 %7.1f ms  cpu p95 %7.1f ms%n",
                    group.getKey(),
                    percentile(times, 50),
                    percentile(times, 95),
                    percentile(cpu, 50),
                    percentile(cpu, 95));
        }
        double[] overallCpu = allCpu.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(
                "OVERALL cpu  p50 %.1f ms  p95 %.1f ms  max %.1f ms%n",
                percentile(overallCpu, 50), percentile(overallCpu, 95), percentile(overallCpu, 100));
        double[] overall = all.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(
                "OVERALL (%d timings)  p50 %.1f ms  p95 %.1f ms  max %.1f ms  (%.0f s)%n",
                overall.length,
                percentile(overall, 50),
                percentile(overall, 95),
                percentile(overall, 100),
                (System.nanoTime() - benchStart) / 1e9);
        for (var viewer : viewers.entrySet()) {
            double[] times = time(() -> {
                transaction.execute(status -> search.issuers(viewer.getValue()));
                return null;
            });
            System.out.printf(
                    "issuers alone, %-9s p50 %.2f ms  p95 %.2f ms%n",
                    viewer.getKey(), percentile(times, 50), percentile(times, 95));
        }
        // Where a passage's time goes: ts_headline over the whole text of the longest documents.
        List<Long> longIds = jdbc.queryForList(
                "select dispatch_id from search_document " + "order by length(attachment_text) desc limit 20",
                Long.class);
        String ids = longIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        System.out.printf("%n== ts_headline over the 20 longest documents (whole text) ==%n");
        jdbc.queryForList(
                        "explain (analyze, buffers) select ts_headline('vietnamese_unaccent', subject || ' ' || "
                                + "body || ' ' || attachment_text, websearch_to_tsquery('vietnamese_unaccent', 'tuyen giao')) "
                                + "from search_document where dispatch_id in (" + ids + ")",
                        String.class)
                .forEach(System.out::println);
        System.out.printf("%n== ranking read of the 20 longest documents' full vectors ==%n");
        jdbc.queryForList(
                        "explain (analyze, buffers) select ts_rank_cd(document, websearch_to_tsquery("
                                + "'vietnamese_unaccent', 'tuyen giao')) from search_document where dispatch_id in ("
                                + ids + ")",
                        String.class)
                .forEach(System.out::println);

        for (String text :
                List.of("kinh tế - xã hội", "kinh te xa hoi", "65-CV/BTGQU", "05/QĐ-UBND", "Nghị quyết số 98")) {
            System.out.println("websearch_to_tsquery(" + text + ") = "
                    + jdbc.queryForObject(
                            "select websearch_to_tsquery('vietnamese_unaccent', ?)::text", String.class, text));
        }
        explain(jdbc, "count, common words, anonymous", COUNT_SQL, "tuyen giao", null, false);
        explain(jdbc, "count, number in the query (65-CV/BTGQU), anonymous", COUNT_SQL, "65-CV/BTGQU", null, false);
        explain(jdbc, "page, number in the query (65-CV/BTGQU), anonymous", PAGE_SQL, "65-CV/BTGQU", null, false);
        explain(
                jdbc,
                "selective search sorted by date (issue's case), anonymous",
                DATE_SORTED_SQL,
                "thanh my loi",
                null,
                false);
        if (VARIANTS) {
            variants(jdbc, named);
        }
    }

    static double[] time(Supplier<Void> action) {
        return time(action, BUDGET_MS);
    }

    static double[] time(Supplier<Void> action, long budgetMs) {
        long started = System.nanoTime();
        for (int i = 0; i < WARMUP && (System.nanoTime() - started) / 1e6 < budgetMs / 4.0; i++) {
            action.get();
        }
        started = System.nanoTime();
        double[] times = new double[RUNS];
        double[] cpu = new double[RUNS];
        int runs = 0;
        while (runs < RUNS && (runs < 5 || (System.nanoTime() - started) / 1e6 < budgetMs)) {
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            action.get();
            times[runs] = (System.nanoTime() - start) / 1e6;
            cpu[runs++] = (cpuNanos() - cpuStart) / 1e6;
        }
        lastCpu = Arrays.copyOf(cpu, runs);
        return Arrays.copyOf(times, runs);
    }

    /** The CPU times (ms) of the runs timed last: see {@link #cpuNanos()}. */
    static double[] lastCpu = new double[0];

    /** The database backends of the benchmark's connections, whose CPU time {@link #cpuNanos()} adds up. */
    static List<Long> backends = List.of();

    /**
     * CPU time spent so far by this thread and by the database backends serving the benchmark (Linux
     * /proc/PID/schedstat, nanoseconds). On a machine shared with other work, wall-clock time includes waiting for a
     * core; CPU time is what a query costs on an idle core (it leaves out waits for disk, which page-cache reads
     * hardly have).
     */
    static long cpuNanos() {
        long total = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (long pid : backends) {
            try {
                total += Long.parseLong(
                        Files.readString(Path.of("/proc/" + pid + "/schedstat")).split(" ")[0]);
            } catch (IOException | RuntimeException e) {
                // A backend that is gone (or no /proc) adds nothing.
            }
        }
        return total;
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    // ---------------------------------------------------------------------------------------------- SQL

    // A copy of DispatchSearch's SQL (2025-11, V21), for EXPLAIN and for the variants; the timings above go through
    // DispatchSearch itself.
    static final String MATCHING = """
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

    static final String COUNT_SQL = "select count(*) " + MATCHING;

    static final String PAGE_SQL = pageSql(MATCHING, true);

    static String pageSql(String matching, boolean headline) {
        return "select r.*, " + (headline ? """
                ts_headline('vietnamese_unaccent', r.subject || ' ' || r.body || ' ' || r.attachment_text,
                    websearch_to_tsquery('vietnamese_unaccent', :q),
                    'MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=" … ", StartSel=\uE000, StopSel=\uE001')
                """ : "''") + """
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
                """;
    }

    static final String DATE_SORTED_SQL = """
            select d.dispatch_id, d.notation, d.issued_on
            from search_document d, websearch_to_tsquery('vietnamese_unaccent', :q) query
            where d.document @@ query and d.visibility = 'PUBLIC'
            order by d.issued_on desc, d.dispatch_id desc
            limit 20
            """;

    static MapSqlParameterSource parameters(String text, Long memberUnit) {
        var number = java.util.regex.Pattern.compile("\\b0*(\\d{1,9})\\b").matcher(SearchIndex.numberKey(text));
        return new MapSqlParameterSource()
                .addValue("q", text)
                .addValue("key", SearchIndex.numberKey(text))
                .addValue("number", number.find() ? Integer.valueOf(number.group(1)) : null)
                .addValue("admin", false)
                .addValue("clerkUnit", null)
                .addValue("memberUnit", memberUnit)
                .addValue("issuer", null)
                .addValue("type", null)
                .addValue("year", null)
                .addValue("from", null)
                .addValue("to", null)
                .addValue("limit", 20)
                .addValue("offset", 0);
    }

    /** EXPLAIN (ANALYZE, BUFFERS) with the values inlined as literals, i.e. a custom plan. */
    static void explain(JdbcTemplate jdbc, String title, String sql, String text, Long memberUnit, boolean quiet) {
        MapSqlParameterSource parameters = parameters(text, memberUnit);
        String inlined = sql;
        for (String name : parameters.getParameterNames()) {
            Object value = parameters.getValue(name);
            String literal = value == null
                    ? "null"
                    : value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value);
            inlined = inlined.replaceAll(":" + name + "\\b", java.util.regex.Matcher.quoteReplacement(literal));
        }
        System.out.printf("%n== EXPLAIN (ANALYZE, BUFFERS): %s ==%n", title);
        jdbc.queryForList("explain (analyze, buffers) " + inlined, String.class).forEach(System.out::println);
    }

    /** Alternatives to the current SQL, timed over the same queries (anonymous viewer), count + page together. */
    static void variants(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        String capped = "select count(*) from (select 1 " + MATCHING + " limit 1001) c";
        Map<String, String[]> variants = new LinkedHashMap<>();
        variants.put("current (copy of DispatchSearch)", new String[] {COUNT_SQL, PAGE_SQL});
        variants.put("no ts_headline", new String[] {COUNT_SQL, pageSql(MATCHING, false)});
        variants.put("page only (no count)", new String[] {null, PAGE_SQL});
        variants.put("count capped at 1001", new String[] {capped, PAGE_SQL});
        variants.put("capped count + newest first (no rank)", new String[] {
            capped,
            PAGE_SQL.replace("order by rank desc, d.issued_on desc", "order by d.issued_on desc")
                    .replace("order by r.rank desc, r.issued_on desc", "order by r.issued_on desc")
        });
        System.out.printf("%n== Variants (anonymous viewer, page of 20, %d runs): p50 / p95 ms per group ==%n", RUNS);
        runVariants(named, variants);

        System.out.println("\n-- with an extra index: create index on search_document (number)");
        jdbc.execute("create index search_document_number_plain_idx on search_document (number)");
        jdbc.execute("analyze search_document");
        Map<String, String[]> withIndex = new LinkedHashMap<>();
        withIndex.put("current + index on number", new String[] {COUNT_SQL, PAGE_SQL});

        runVariants(named, withIndex);
        explain(
                jdbc,
                "count, number in the query (65-CV/BTGQU), with index on number",
                COUNT_SQL,
                "65-CV/BTGQU",
                null,
                false);
        jdbc.execute("drop index search_document_number_plain_idx");
    }

    static void runVariants(NamedParameterJdbcTemplate named, Map<String, String[]> variants) {
        for (var variant : variants.entrySet()) {
            Map<String, List<Double>> groups = new LinkedHashMap<>();
            List<Double> all = new ArrayList<>();
            for (var group : QUERIES.entrySet()) {
                for (String text : group.getValue()) {
                    MapSqlParameterSource parameters = parameters(text, null);
                    double[] times = time(
                            () -> {
                                if (variant.getValue()[0] != null) {
                                    named.queryForObject(variant.getValue()[0], parameters, Long.class);
                                }
                                named.queryForList(variant.getValue()[1], parameters);
                                return null;
                            },
                            BUDGET_MS / 2);
                    for (double t : times) {
                        groups.computeIfAbsent(group.getKey(), k -> new ArrayList<>())
                                .add(t);
                        all.add(t);
                    }
                }
            }
            StringBuilder line = new StringBuilder(String.format("%-34s", variant.getKey()));
            for (var group : groups.entrySet()) {
                double[] times = group.getValue().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray();
                line.append(
                        String.format(" | %s %.1f/%.1f", group.getKey(), percentile(times, 50), percentile(times, 95)));
            }
            double[] overall = all.stream().mapToDouble(Double::doubleValue).toArray();
            line.append(String.format(" | ALL %.1f/%.1f", percentile(overall, 50), percentile(overall, 95)));
            System.out.println(line);
        }
    }
}
