package vn.congvan.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.congvan.demo.BenchPdfs;
import vn.congvan.search.BenchSearchIndex;

/**
 * Scales the demo data of a RUNNING portal to a city: NOT a test (run it with {@code bench/load-city.sh}, i.e.
 * {@code ./mvnw -Pbench -Dbench.main=vn.congvan.bench.CityLoader -DskipTests test-compile exec:java}).
 *
 * <p>The portal must have been started once on a fixed embedded PostgreSQL port, so that Flyway has migrated the
 * schema and the demo data (units of District 1, the demo accounts) exist. In one transaction the loader adds
 * {@code bench.units} (10,000) recipient units in a tree (21 districts of Ho Chi Minh City, their wards and
 * communes, the Front and organisations of each ward, the Party cells of each ward), groups of them (one of all
 * 10,000 units, "Cấp ủy cơ sở đảng" of thousands, and per district), {@code bench.dispatches} (100,000) published
 * dispatches numbered per issuer and series as {@code NumberingSeries} does, their recipient lines, resolved units
 * and deliveries (a share of them viewed, downloaded, acknowledged), PDF attachments whose files really exist in
 * the file store ({@code FileSystemAttachmentStorage}'s layout; hard links to a few PDFs typeset once, several of
 * them with 40-400 KB of text), their extracted text and the search read model as {@code SearchIndex} fills it;
 * and one fresh dispatch with a 5 MB, 420-page PDF sent to the group of 10,000 units (for the stampede). Then
 * {@code VACUUM ANALYZE}. A second run finds its marker group and changes nothing.
 *
 * <p>System properties: {@code bench.jdbc} (jdbc:postgresql://127.0.0.1:15432/postgres), {@code bench.storage}
 * (the portal's {@code congvan.attachment.storage-root}, required), {@code bench.env} (where the ids the scripts
 * need are written; {@code <storage>/../city.env}), {@code bench.units}, {@code bench.dispatches},
 * {@code bench.samples} (/work/shared/samples, else the demo texts on the classpath).
 */
public final class CityLoader {

    static final String MARKER_GROUP = "CITY.TOAN-THANH";

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    static final int UNITS = Integer.getInteger("bench.units", 10_000);

    static final int DISPATCHES = Integer.getInteger("bench.dispatches", 100_000);

    static final int CHUNK = 2_000;

    /** Dispatches of the city board sent to the thousands of "Cấp ủy cơ sở đảng", and to all 10,000 units. */
    static final int TO_GRASSROOTS = 60;

    static final int TO_EVERYONE = 15;

    record District(
            String code,
            String name,
            String committee,
            String committeeSymbol,
            String boardSymbol,
            String wardWord,
            String cellWord,
            List<String> wards) {}

    static final List<District> DISTRICTS = List.of(
            numbered("Q03", "Quận 3", 12),
            numbered("Q04", "Quận 4", 13),
            numbered("Q05", "Quận 5", 14),
            numbered("Q06", "Quận 6", 14),
            named(
                    "Q07",
                    "Quận 7",
                    "Quận ủy Quận 7",
                    "QU",
                    "BTGQU",
                    "phường",
                    "khu phố",
                    "Tân Thuận Đông, Tân Thuận Tây, Tân Kiểng, Tân Hưng, Bình Thuận, Tân Quy, Phú Thuận, "
                            + "Tân Phú, Tân Phong, Phú Mỹ"),
            numbered("Q08", "Quận 8", 16),
            numbered("Q10", "Quận 10", 14),
            numbered("Q11", "Quận 11", 16),
            named(
                    "Q12",
                    "Quận 12",
                    "Quận ủy Quận 12",
                    "QU",
                    "BTGQU",
                    "phường",
                    "khu phố",
                    "Thạnh Xuân, Thạnh Lộc, "
                            + "Hiệp Thành, Thới An, Tân Chánh Hiệp, An Phú Đông, Tân Thới Hiệp, Trung Mỹ Tây, Tân Hưng Thuận, "
                            + "Đông Hưng Thuận, Tân Thới Nhất"),
            numbered("BTH", "quận Bình Thạnh", 20),
            numbered("GVA", "quận Gò Vấp", 16),
            numbered("PNH", "quận Phú Nhuận", 13),
            numbered("TBI", "quận Tân Bình", 15),
            named(
                    "TPH",
                    "quận Tân Phú",
                    "Quận ủy Tân Phú",
                    "QU",
                    "BTGQU",
                    "phường",
                    "khu phố",
                    "Tân Sơn Nhì, "
                            + "Tây Thạnh, Sơn Kỳ, Tân Quý, Tân Thành, Phú Thọ Hòa, Phú Thạnh, Phú Trung, Hòa Thạnh, Hiệp Tân, "
                            + "Tân Thới Hòa"),
            named(
                    "BTA",
                    "quận Bình Tân",
                    "Quận ủy Bình Tân",
                    "QU",
                    "BTGQU",
                    "phường",
                    "khu phố",
                    "Bình Hưng Hòa, "
                            + "Bình Hưng Hòa A, Bình Hưng Hòa B, Bình Trị Đông, Bình Trị Đông A, Bình Trị Đông B, Tân Tạo, "
                            + "Tân Tạo A, An Lạc, An Lạc A"),
            named(
                    "TDU",
                    "thành phố Thủ Đức",
                    "Thành ủy Thủ Đức",
                    "TU",
                    "BTGTU",
                    "phường",
                    "khu phố",
                    "Linh Xuân, "
                            + "Linh Trung, Linh Tây, Linh Chiểu, Linh Đông, Bình Thọ, Trường Thọ, Hiệp Bình Chánh, "
                            + "Hiệp Bình Phước, Tam Phú, Tam Bình, Thảo Điền, An Phú, Bình Trưng Đông, Bình Trưng Tây, "
                            + "Cát Lái, Thạnh Mỹ Lợi, An Khánh, Thủ Thiêm, Long Bình, Long Thạnh Mỹ, Tân Phú, Hiệp Phú, "
                            + "Tăng Nhơn Phú A, Tăng Nhơn Phú B, Phước Long A, Phước Long B, Trường Thạnh, Long Phước, "
                            + "Long Trường, Phú Hữu, Phước Bình"),
            named(
                    "CCH",
                    "huyện Củ Chi",
                    "Huyện ủy Củ Chi",
                    "HU",
                    "BTGHU",
                    "xã",
                    "ấp",
                    "Phú Mỹ Hưng, An Phú, "
                            + "Trung Lập Thượng, An Nhơn Tây, Nhuận Đức, Phạm Văn Cội, Phú Hòa Đông, Trung Lập Hạ, Trung An, "
                            + "Phước Thạnh, Phước Hiệp, Tân An Hội, Phước Vĩnh An, Thái Mỹ, Tân Thạnh Tây, Hòa Phú, "
                            + "Tân Thạnh Đông, Bình Mỹ, Tân Phú Trung, Tân Thông Hội"),
            named(
                    "HMO",
                    "huyện Hóc Môn",
                    "Huyện ủy Hóc Môn",
                    "HU",
                    "BTGHU",
                    "xã",
                    "ấp",
                    "Tân Hiệp, Tân Thới Nhì, "
                            + "Xuân Thới Sơn, Xuân Thới Đông, Xuân Thới Thượng, Bà Điểm, Trung Chánh, Tân Xuân, "
                            + "Thới Tam Thôn, Nhị Bình, Đông Thạnh"),
            named(
                    "BCH",
                    "huyện Bình Chánh",
                    "Huyện ủy Bình Chánh",
                    "HU",
                    "BTGHU",
                    "xã",
                    "ấp",
                    "Vĩnh Lộc A, "
                            + "Vĩnh Lộc B, Bình Lợi, Lê Minh Xuân, Tân Nhựt, Tân Kiên, Bình Hưng, Phong Phú, An Phú Tây, "
                            + "Hưng Long, Đa Phước, Tân Quý Tây, Bình Chánh, Quy Đức"),
            named(
                    "NBE",
                    "huyện Nhà Bè",
                    "Huyện ủy Nhà Bè",
                    "HU",
                    "BTGHU",
                    "xã",
                    "ấp",
                    "Phước Kiển, Phước Lộc, " + "Nhơn Đức, Phú Xuân, Long Thới, Hiệp Phước"),
            named(
                    "CGI",
                    "huyện Cần Giờ",
                    "Huyện ủy Cần Giờ",
                    "HU",
                    "BTGHU",
                    "xã",
                    "ấp",
                    "Bình Khánh, " + "An Thới Đông, Tam Thôn Hiệp, Lý Nhơn, Long Hòa, Thạnh An"));

    static District numbered(String code, String name, int wards) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= wards; i++) {
            names.add(String.valueOf(i));
        }
        String committee = name.startsWith("Quận ") ? "Quận ủy " + name : "Quận ủy " + name.substring(5);
        return new District(code, name, committee, "QU", "BTGQU", "Phường", "khu phố", names);
    }

    static District named(
            String code,
            String name,
            String committee,
            String committeeSymbol,
            String boardSymbol,
            String wardWord,
            String cellWord,
            String wards) {
        return new District(
                code,
                name,
                committee,
                committeeSymbol,
                boardSymbol,
                wardWord,
                cellWord,
                Arrays.stream(wards.split(",\\s*")).toList());
    }

    enum Role {
        DISTRICT_COMMITTEE,
        BOARD,
        PEOPLES_COMMITTEE,
        DISTRICT_FRONT,
        DISTRICT_YOUTH,
        WARD_COMMITTEE,
        WARD_FRONT,
        WARD_ORGANISATION,
        CELL
    }

    record Unit(
            long id,
            Long parentId,
            String kind,
            String code,
            String name,
            String shortName,
            String symbol,
            String place,
            int district,
            Role role) {}

    /** An issuer of dispatches, with what NumberingSeries and DispatchManagement print and number. */
    record Issuer(
            long id,
            String family,
            String symbolCode,
            String name,
            String header,
            String superiorHeader,
            String place,
            long termUnitId,
            int weight,
            Audience audience) {}

    /** Whom an issuer writes to: the groups and single units of its district (or of the city). */
    record Audience(
            long committeesGroup,
            String committeesName,
            long frontGroup,
            String frontName,
            long cellsGroup,
            String cellsName,
            List<Unit> singles) {}

    record Variant(String name, Path file, long size, String sha256, int pages, String text) {}

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
        "Về việc đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan đảng",
    };

    static final String[] SIGNERS = {
        "Nguyễn Trung Châu Tuyên",
        "Trần Thị Minh Hằng",
        "Lê Văn Phúc",
        "Phạm Quốc Bảo",
        "Võ Thị Thanh Thủy",
        "Huỳnh Ngọc Sơn",
        "Đặng Minh Khoa",
        "Bùi Thị Kim Loan",
        "Ngô Thanh Hải",
        "Dương Hoàng Nam"
    };

    static final String[] POSITIONS = {
        "Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban Thường trực", "Chánh Văn phòng", "Phó Chủ tịch"
    };

    final Connection db;

    final Path storage;

    final Random random = new Random(20261130);

    List<String> paragraphs;

    String briefing;

    final List<Unit> units = new ArrayList<>();

    final Map<Long, Unit> unitsById = new HashMap<>();

    final Map<Long, long[]> groupMembers = new LinkedHashMap<>();

    final Map<Long, String> groupNames = new HashMap<>();

    CityLoader(Connection db, Path storage) {
        this.db = db;
        this.storage = storage;
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:15432/postgres");
        String storageRoot = System.getProperty("bench.storage");
        if (storageRoot == null || storageRoot.isBlank()) {
            throw new IllegalArgumentException(
                    "-Dbench.storage=<the portal's congvan.attachment.storage-root> " + "is required");
        }
        Path storage = Path.of(storageRoot).toAbsolutePath().normalize();
        Path env = Path.of(System.getProperty(
                "bench.env", storage.resolveSibling("city.env").toString()));
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            CityLoader loader = new CityLoader(db, storage);
            loader.requireMigratedDemo();
            if (loader.alreadyLoaded()) {
                System.out.println(
                        "The city is already loaded in " + url + " (group " + MARKER_GROUP + " exists): nothing done.");
            } else {
                long started = System.nanoTime();
                loader.load();
                System.out.printf("loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
            }
            loader.writeEnv(env);
        }
    }

    void requireMigratedDemo() throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select count(*) from unit where code = 'QU-Q1.BTG'")) {
            r.next();
            if (r.getLong(1) == 0) {
                throw new IllegalStateException("The demo data is missing: start the portal once (default run, "
                        + "congvan.demo.enabled=true) before loading the city");
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(
                    "No migrated congvan database here (" + ex.getMessage() + "): start the portal on this port first",
                    ex);
        }
    }

    boolean alreadyLoaded() throws SQLException {
        return count("select count(*) from unit_group where code = '" + MARKER_GROUP + "'") > 0;
    }

    void load() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String name : List.of("65-CV-BTGQU-thong-bao-nhanh.txt", "65-CV-BTGQU-full.txt")) {
            texts.add(sample(name));
        }
        briefing = texts.get(0);
        paragraphs = texts.stream()
                .flatMap(t -> Arrays.stream(t.split("\\n\\s*\\n")))
                .map(p -> p.strip().replaceAll("\\s*\\n\\s*", " "))
                .filter(p -> p.length() > 80)
                .toList();
        System.out.printf("samples: %d paragraphs; %d units, %d dispatches%n", paragraphs.size(), UNITS, DISPATCHES);

        long t0 = System.nanoTime();
        List<Variant> shortVariants = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            shortVariants.add(variant("short-" + i, textOf(3 + i * 2), 1));
        }
        List<Variant> longVariants = new ArrayList<>();
        for (int kb : new int[] {40, 100, 200, 400}) {
            longVariants.add(variant("long-" + kb + "k", longText(kb * 1024), 1));
        }
        Variant fresh = freshVariant();
        System.out.printf(
                "PDFs typeset in %.0f s: short %s; long %s; fresh %d bytes, %d pages%n",
                (System.nanoTime() - t0) / 1e9,
                shortVariants.stream()
                        .map(v -> v.text().length() / 1024 + "K/" + v.pages() + "p")
                        .toList(),
                longVariants.stream()
                        .map(v -> v.text().length() / 1024 + "K/" + v.pages() + "p")
                        .toList(),
                fresh.size(),
                fresh.pages());

        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("set local synchronous_commit = off");
            s.execute("set local maintenance_work_mem = '256MB'");
        }
        long t1 = System.nanoTime();
        units();
        groups();
        List<Issuer> issuers = issuers();
        System.out.printf("units and groups in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        List<String> searchIndexes = dropIndexes("search_document");
        new Dispatches(issuers, shortVariants, longVariants, fresh).load();
        // The newest documents are marked recent as SearchIndex keeps them (V52), before their partial index is built.
        try (Statement keep = db.createStatement()) {
            keep.executeUpdate(BenchSearchIndex.keepRecent());
        }
        long t2 = System.nanoTime();
        try (Statement s = db.createStatement()) {
            for (String index : searchIndexes) {
                s.execute(index);
            }
            for (String table :
                    List.of("unit", "unit_group", "dispatch", "dispatch_recipient_line", "attachment", "delivery")) {
                s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
                        + "))");
            }
        }
        db.commit();
        db.setAutoCommit(true);
        System.out.printf("indexes rebuilt and committed in %.0f s%n", (System.nanoTime() - t2) / 1e9);
        long t3 = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze");
        }
        System.out.printf("vacuum analyze in %.0f s%n", (System.nanoTime() - t3) / 1e9);
        for (String table : List.of(
                "unit",
                "unit_group_member",
                "dispatch",
                "dispatch_recipient_line",
                "dispatch_recipient_units",
                "delivery",
                "attachment",
                "attachment_text",
                "search_document")) {
            System.out.printf(
                    "  %-24s %,10d rows %10s%n",
                    table,
                    count("select count(*) from " + table),
                    string("select pg_size_pretty(pg_total_relation_size('" + table + "'))"));
        }
    }

    // ------------------------------------------------------------------------------------------------ units

    void units() throws Exception {
        long next = count("select coalesce(max(id), 0) from unit") + 1000;
        long city = count("select id from unit where code = 'TU-HCM'");
        LocalDate since = LocalDate.of(2015, 10, 1);
        int perDistrict = 5;
        int wards = DISTRICTS.stream().mapToInt(d -> d.wards().size()).sum();
        int cells = UNITS - DISTRICTS.size() * perDistrict - wards * 5;
        if (cells < wards) {
            throw new IllegalArgumentException(
                    "bench.units must be at least " + (DISTRICTS.size() * perDistrict + wards * 6));
        }
        int wardIndex = 0;
        for (int d = 0; d < DISTRICTS.size(); d++) {
            District district = DISTRICTS.get(d);
            String place = capitalised(district.name());
            String prefix = "CITY." + district.code();
            String bare = district.name().replaceFirst("^(quận|huyện|thành phố) ", "");
            Unit committee = add(new Unit(
                    next++,
                    city,
                    "PARTY_COMMITTEE",
                    prefix,
                    district.committee(),
                    district.committee(),
                    district.committeeSymbol(),
                    place,
                    d,
                    Role.DISTRICT_COMMITTEE));
            add(new Unit(
                    next++,
                    committee.id(),
                    "PARTY_BOARD",
                    prefix + ".BTG",
                    "Ban Tuyên giáo " + district.committee(),
                    "Ban Tuyên giáo",
                    district.boardSymbol(),
                    place,
                    d,
                    Role.BOARD));
            add(new Unit(
                    next++,
                    committee.id(),
                    "STATE_AGENCY",
                    prefix + ".UBND",
                    "Ủy ban nhân dân " + district.name(),
                    "Ủy ban nhân dân " + bare,
                    "UBND",
                    place,
                    d,
                    Role.PEOPLES_COMMITTEE));
            add(new Unit(
                    next++,
                    committee.id(),
                    "FATHERLAND_FRONT",
                    prefix + ".MTTQ",
                    "Ủy ban Mặt trận Tổ quốc Việt Nam " + district.name(),
                    "Ủy ban MTTQ Việt Nam " + bare,
                    "MTTQ",
                    place,
                    d,
                    Role.DISTRICT_FRONT));
            add(new Unit(
                    next++,
                    committee.id(),
                    "SOCIO_POLITICAL_ORGANISATION",
                    prefix + ".DOAN",
                    "Đoàn Thanh niên Cộng sản Hồ Chí Minh " + district.name(),
                    "Đoàn " + bare,
                    "ĐTN",
                    place,
                    d,
                    Role.DISTRICT_YOUTH));
            for (int w = 0; w < district.wards().size(); w++) {
                String ward = district.wardWord() + " " + district.wards().get(w);
                String wardPlace = capitalised(ward);
                String wardCode = prefix + ".P" + (w + 1);
                String of = ", " + district.name();
                Unit wardCommittee = add(new Unit(
                        next++,
                        committee.id(),
                        "GRASSROOTS_PARTY_COMMITTEE",
                        wardCode + ".DU",
                        "Đảng ủy " + ward + of,
                        "Đảng ủy " + ward,
                        "ĐU",
                        wardPlace,
                        d,
                        Role.WARD_COMMITTEE));
                add(new Unit(
                        next++,
                        wardCommittee.id(),
                        "FATHERLAND_FRONT",
                        wardCode + ".MTTQ",
                        "Ủy ban Mặt trận Tổ quốc Việt Nam " + ward + of,
                        "Ủy ban MTTQ " + ward,
                        "MTTQ",
                        wardPlace,
                        d,
                        Role.WARD_FRONT));
                String[][] organisations = {
                    {"DOAN", "Đoàn "}, {"HLHPN", "Hội Liên hiệp Phụ nữ "}, {"HCCB", "Hội Cựu chiến binh "}
                };
                for (String[] organisation : organisations) {
                    add(new Unit(
                            next++,
                            wardCommittee.id(),
                            "SOCIO_POLITICAL_ORGANISATION",
                            wardCode + "." + organisation[0],
                            organisation[1] + ward + of,
                            organisation[1] + ward,
                            null,
                            wardPlace,
                            d,
                            Role.WARD_ORGANISATION));
                }
                int cellsHere = cells / wards + (wardIndex < cells % wards ? 1 : 0);
                for (int c = 1; c <= cellsHere; c++) {
                    String cell = c % 9 == 0
                            ? "Chi bộ Trường Tiểu học " + ward.replaceFirst("^\\S+ ", "") + " " + c
                            : "Chi bộ " + district.cellWord() + " " + c;
                    add(new Unit(
                            next++,
                            wardCommittee.id(),
                            "GRASSROOTS_PARTY_COMMITTEE",
                            wardCode + ".CB" + c,
                            cell + " (" + ward + of + ")",
                            cell,
                            null,
                            wardPlace,
                            d,
                            Role.CELL));
                }
                wardIndex++;
            }
        }
        StringBuilder rows = new StringBuilder();
        for (Unit u : units) {
            csv(
                    rows,
                    u.id(),
                    u.parentId(),
                    u.kind(),
                    u.code(),
                    u.name(),
                    u.shortName(),
                    u.symbol(),
                    u.place(),
                    since,
                    "2015-10-01 00:00:00+00");
        }
        copy(
                "unit (id, parent_id, kind, code, name, short_name, symbol_code, place_name, valid_from, created_at)",
                rows);
        // The Party documents of 2019 and 2020 are numbered in the 2015-2020 term (NumberingSeries needs one).
        StringBuilder terms = new StringBuilder();
        for (Unit u : units) {
            if (u.role() == Role.DISTRICT_COMMITTEE) {
                csv(terms, u.id(), "2015-2020", "2015-10-01", "2020-09-30");
                csv(terms, u.id(), "2020-2025", "2020-10-01", null);
            }
        }
        copy("party_term (unit_id, name, starts_on, ends_on)", terms);
        update(
                "insert into party_term (unit_id, name, starts_on, ends_on) select id, '2015-2020', '2015-10-01', "
                        + "'2020-09-30' from unit where code in ('TU-HCM', 'QU-Q1') on conflict (unit_id, starts_on) do nothing");
        System.out.printf(
                "units: %d (%d districts, %d wards, %d cells)%n", units.size(), DISTRICTS.size(), wards, cells);
    }

    Unit add(Unit unit) {
        units.add(unit);
        unitsById.put(unit.id(), unit);
        return unit;
    }

    // ----------------------------------------------------------------------------------------------- groups

    long everyone;

    long grassroots;

    long boards;

    final Map<Integer, long[]> districtGroups = new HashMap<>();

    void groups() throws Exception {
        long next = count("select coalesce(max(id), 0) from unit_group") + 100;
        everyone = group(
                next++,
                MARKER_GROUP,
                "Các tổ chức cơ sở toàn thành phố",
                "Tất cả cấp ủy, tổ chức cơ sở và chi bộ trên địa bàn thành phố",
                units.stream().map(Unit::id));
        grassroots = group(
                next++,
                "CITY.CAP-UY-CO-SO",
                "Cấp ủy cơ sở đảng",
                "Các đảng ủy phường, xã và chi bộ trực thuộc trên địa bàn thành phố",
                units.stream()
                        .filter(u -> u.role() == Role.WARD_COMMITTEE || u.role() == Role.CELL)
                        .map(Unit::id));
        long demoBoard = count("select id from unit where code = 'QU-Q1.BTG'");
        boards = group(
                next++,
                "CITY.BTG-QH",
                "Ban Tuyên giáo các quận ủy, huyện ủy",
                "Ban Tuyên giáo các quận ủy, huyện ủy và Thành ủy Thủ Đức",
                java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(demoBoard),
                        units.stream().filter(u -> u.role() == Role.BOARD).map(Unit::id)));
        for (int d = 0; d < DISTRICTS.size(); d++) {
            int district = d;
            District info = DISTRICTS.get(d);
            String bare = capitalised(info.name());
            long committees = group(
                    next++,
                    "CITY." + info.code() + ".CUCS",
                    "Cấp ủy cơ sở đảng " + bare,
                    "Đảng ủy các " + info.wardWord().toLowerCase(VIETNAMESE) + " trực thuộc " + info.committee(),
                    units.stream()
                            .filter(u -> u.district() == district && u.role() == Role.WARD_COMMITTEE)
                            .map(Unit::id));
            long front = group(
                    next++,
                    "CITY." + info.code() + ".MTDT",
                    "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội " + bare,
                    "Ủy ban MTTQ, Đoàn " + bare + " và Ủy ban MTTQ các "
                            + info.wardWord().toLowerCase(VIETNAMESE),
                    units.stream()
                            .filter(u -> u.district() == district
                                    && (u.role() == Role.DISTRICT_FRONT
                                            || u.role() == Role.DISTRICT_YOUTH
                                            || u.role() == Role.WARD_FRONT))
                            .map(Unit::id));
            long cells = group(
                    next++,
                    "CITY." + info.code() + ".CB",
                    "Chi bộ trực thuộc đảng ủy cơ sở " + bare,
                    "Các chi bộ khu phố, ấp, cơ quan, trường học",
                    units.stream()
                            .filter(u -> u.district() == district && u.role() == Role.CELL)
                            .map(Unit::id));
            districtGroups.put(d, new long[] {committees, front, cells});
        }
        StringBuilder groupRows = new StringBuilder();
        StringBuilder memberRows = new StringBuilder();
        for (var group : groupMembers.entrySet()) {
            for (long member : group.getValue()) {
                csv(memberRows, group.getKey(), member);
            }
        }
        groupRows.append(pendingGroups);
        copy("unit_group (id, code, name, description)", groupRows);
        copy("unit_group_member (group_id, unit_id)", memberRows);
        System.out.printf(
                "groups: %d, %d memberships; everyone %d, grassroots %d%n",
                groupMembers.size(),
                groupMembers.values().stream().mapToInt(m -> m.length).sum(),
                groupMembers.get(everyone).length,
                groupMembers.get(grassroots).length);
    }

    final StringBuilder pendingGroups = new StringBuilder();

    long group(long id, String code, String name, String description, java.util.stream.Stream<Long> members) {
        csv(pendingGroups, id, code, name, description);
        groupMembers.put(id, members.mapToLong(Long::longValue).distinct().toArray());
        groupNames.put(id, name);
        return id;
    }

    // ---------------------------------------------------------------------------------------------- issuers

    List<Issuer> issuers() throws SQLException {
        List<Issuer> issuers = new ArrayList<>();
        // The demo's own issuers, with their groups: District 1 writes to its ten wards as the demo does.
        long demoCommittees = count("select id from unit_group where code = 'QU-Q1.CAP-UY-CO-SO'");
        long demoFront = count("select id from unit_group where code = 'QU-Q1.MTTQ-CTXH'");
        List<Unit> demoWards = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select id, name from unit where code like 'QU-Q1.DU-%' order by id")) {
            while (r.next()) {
                demoWards.add(new Unit(
                        r.getLong(1),
                        null,
                        "",
                        "",
                        r.getString(2),
                        r.getString(2),
                        null,
                        null,
                        -1,
                        Role.WARD_COMMITTEE));
            }
        }
        Audience district1 = new Audience(
                demoCommittees,
                "Cấp ủy cơ sở đảng",
                demoFront,
                "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quận",
                demoCommittees,
                "Cấp ủy cơ sở đảng",
                demoWards);
        List<Unit> committees =
                units.stream().filter(u -> u.role() == Role.DISTRICT_COMMITTEE).toList();
        Audience city = new Audience(
                boards,
                groupNames.get(boards),
                boards,
                groupNames.get(boards),
                boards,
                groupNames.get(boards),
                committees);
        long cityCommittee = count("select id from unit where code = 'TU-HCM'");
        long quan1 = count("select id from unit where code = 'QU-Q1'");
        issuers.add(demoIssuer("TU-HCM.BTG", "PARTY", cityCommittee, 10, city));
        issuers.add(demoIssuer("QU-Q1.BTG", "PARTY", quan1, 12, district1));
        issuers.add(demoIssuer("QU-Q1", "PARTY", quan1, 4, district1));
        issuers.add(demoIssuer("QU-Q1.MTTQ", "MASS_ORG", quan1, 3, district1));
        for (int d = 0; d < DISTRICTS.size(); d++) {
            int district = d;
            long[] groups = districtGroups.get(d);
            List<Unit> singles = units.stream()
                    .filter(u -> u.district() == district
                            && (u.role() == Role.WARD_COMMITTEE || u.role() == Role.WARD_FRONT))
                    .toList();
            Audience audience = new Audience(
                    groups[0],
                    groupNames.get(groups[0]),
                    groups[1],
                    groupNames.get(groups[1]),
                    groups[2],
                    groupNames.get(groups[2]),
                    singles);
            for (Unit u : units) {
                if (u.district() != d) {
                    continue;
                }
                int weight = switch (u.role()) {
                    case BOARD -> 4;
                    case PEOPLES_COMMITTEE -> 3;
                    case DISTRICT_COMMITTEE, DISTRICT_FRONT -> 1;
                    default -> 0;
                };
                if (weight == 0) {
                    continue;
                }
                Unit parent = unitsById.get(u.parentId());
                String family = switch (u.role()) {
                    case PEOPLES_COMMITTEE -> "STATE";
                    case DISTRICT_FRONT -> "MASS_ORG";
                    default -> "PARTY";
                };
                long termUnit = u.role() == Role.DISTRICT_COMMITTEE ? u.id() : parent.id();
                issuers.add(new Issuer(
                        u.id(),
                        family,
                        u.symbol(),
                        u.name(),
                        u.shortName().toUpperCase(VIETNAMESE),
                        parent == null
                                ? "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH"
                                : parent.name().toUpperCase(VIETNAMESE),
                        u.place(),
                        termUnit,
                        weight,
                        audience));
            }
        }
        return issuers;
    }

    Issuer demoIssuer(String code, String family, long termUnit, int weight, Audience audience) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select u.id, u.symbol_code, u.name, "
                        + "u.short_name, p.name, u.place_name from unit u left join unit p on p.id = u.parent_id "
                        + "where u.code = '" + code + "'")) {
            r.next();
            return new Issuer(
                    r.getLong(1),
                    family,
                    r.getString(2),
                    r.getString(3),
                    r.getString(4).toUpperCase(VIETNAMESE),
                    r.getString(5) == null ? null : r.getString(5).toUpperCase(VIETNAMESE),
                    r.getString(6),
                    termUnit,
                    weight,
                    audience);
        }
    }

    // ------------------------------------------------------------------------------------------- dispatches

    record Meta(
            int index, Issuer issuer, String type, LocalDate issuedOn, String series, String typeKey, String symbol) {}

    final class Dispatches {

        final List<Issuer> issuers;

        final List<Variant> shortVariants;

        final List<Variant> longVariants;

        final Variant fresh;

        long nextDispatch;

        long nextLine;

        long nextAttachment;

        long nextDelivery;

        long attachments;

        long deliveries;

        final Set<String> taken = new HashSet<>();

        Dispatches(List<Issuer> issuers, List<Variant> shortVariants, List<Variant> longVariants, Variant fresh) {
            this.issuers = issuers;
            this.shortVariants = shortVariants;
            this.longVariants = longVariants;
            this.fresh = fresh;
        }

        void load() throws Exception {
            nextDispatch = count("select coalesce(max(id), 0) from dispatch") + 1000;
            nextLine = count("select coalesce(max(id), 0) from dispatch_recipient_line") + 1000;
            nextAttachment = count("select coalesce(max(id), 0) from attachment") + 1000;
            nextDelivery = count("select coalesce(max(id), 0) from delivery") + 1000;
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery(
                            "select issuer_unit_id, numbering_series, number, symbol from dispatch where number is not null")) {
                while (r.next()) {
                    taken.add(r.getLong(1) + "|" + r.getString(2) + "|" + r.getInt(3) + "|" + r.getString(4));
                }
            }
            int weights = issuers.stream().mapToInt(Issuer::weight).sum();
            int typeWeights =
                    Arrays.stream(TYPES).mapToInt(t -> Integer.parseInt(t[1])).sum();
            LocalDate first = LocalDate.of(2019, 1, 2);
            int days = (int) (LocalDate.of(2025, 11, 20).toEpochDay() - first.toEpochDay());
            Meta[] metas = new Meta[DISPATCHES];
            for (int i = 0; i < DISPATCHES; i++) {
                int pick = random.nextInt(weights);
                Issuer issuer = null;
                for (Issuer candidate : issuers) {
                    pick -= candidate.weight();
                    if (pick < 0) {
                        issuer = candidate;
                        break;
                    }
                }
                int t = random.nextInt(typeWeights);
                String type = null;
                for (String[] candidate : TYPES) {
                    t -= Integer.parseInt(candidate[1]);
                    if (t < 0) {
                        type = candidate[0];
                        break;
                    }
                }
                LocalDate issuedOn = first.plusDays(random.nextInt(days));
                metas[i] = meta(i, issuer, type, issuedOn);
            }
            // The city board's dispatches to thousands of units: the first ones of the list, moved to that issuer.
            Issuer cityBoard = issuers.get(0);
            for (int i = 0; i < TO_GRASSROOTS + TO_EVERYONE; i++) {
                Meta m = metas[i * (DISPATCHES / (TO_GRASSROOTS + TO_EVERYONE))];
                metas[m.index()] = meta(m.index(), cityBoard, "CV", m.issuedOn());
            }
            // Numbers follow the dates within each series, skipping the numbers the demo already used.
            Map<String, Integer> counters = new HashMap<>();
            int[] numbers = new int[DISPATCHES];
            Meta[] byDate = metas.clone();
            Arrays.sort(byDate, Comparator.comparing(Meta::issuedOn).thenComparingInt(Meta::index));
            Map<String, Integer> last = new HashMap<>();
            for (Meta m : byDate) {
                String counter = m.issuer().id() + "|" + m.series() + "|" + m.typeKey();
                int n = counters.getOrDefault(counter, 0);
                do {
                    n++;
                } while (taken.contains(m.issuer().id() + "|" + m.series() + "|" + n + "|" + m.symbol()));
                counters.put(counter, n);
                numbers[m.index()] = n;
                last.merge(counter, n, Math::max);
            }
            for (int from = 0; from < DISPATCHES; from += CHUNK) {
                chunk(metas, numbers, from, Math.min(DISPATCHES, from + CHUNK));
                if ((from / CHUNK) % 10 == 9) {
                    System.out.printf(
                            "  %,d dispatches, %,d attachments, %,d deliveries%n",
                            from + CHUNK, attachments, deliveries);
                }
            }
            // The fresh dispatch: the next number of the city board's series, issued today, to all 10,000 units.
            LocalDate today = LocalDate.now(VIETNAM);
            Meta freshMeta = meta(DISPATCHES, cityBoard, "CV", today);
            String counter = cityBoard.id() + "|" + freshMeta.series() + "|" + freshMeta.typeKey();
            int freshNumber = counters.getOrDefault(counter, 0) + 1;
            while (taken.contains(
                    cityBoard.id() + "|" + freshMeta.series() + "|" + freshNumber + "|" + freshMeta.symbol())) {
                freshNumber++;
            }
            last.merge(counter, freshNumber, Math::max);
            freshDispatch(freshMeta, freshNumber);
            StringBuilder counterRows = new StringBuilder();
            for (var entry : last.entrySet()) {
                String[] key = entry.getKey().split("\\|");
                csv(counterRows, key[0], key[1], key[2], entry.getValue());
            }
            update("create temporary table bench_counter (issuer_unit_id bigint, series varchar(40), type_key "
                    + "varchar(10), last_number integer) on commit drop");
            copy("bench_counter (issuer_unit_id, series, type_key, last_number)", counterRows);
            update("insert into numbering_counter select * from bench_counter on conflict (issuer_unit_id, series, "
                    + "type_key) do update set last_number = greatest(numbering_counter.last_number, "
                    + "excluded.last_number)");
            System.out.printf(
                    "dispatches %,d (+1 fresh), attachments %,d, deliveries %,d%n",
                    DISPATCHES, attachments, deliveries);
        }

        Meta meta(int index, Issuer issuer, String type, LocalDate issuedOn) {
            String series;
            String typeKey;
            if (issuer.family().equals("PARTY")) {
                series = issuedOn.isBefore(LocalDate.of(2020, 10, 1)) ? "NK 2015-2020" : "NK 2020-2025";
                typeKey = type;
            } else {
                series = String.valueOf(issuedOn.getYear());
                typeKey = "*";
            }
            String symbol = issuer.family().equals("PARTY")
                    ? type + "/" + issuer.symbolCode()
                    : type + "-" + issuer.symbolCode();
            return new Meta(index, issuer, type, issuedOn, series, typeKey, symbol);
        }

        final StringBuilder dispatches = new StringBuilder();

        final StringBuilder lines = new StringBuilder();

        final StringBuilder recipientUnits = new StringBuilder();

        final StringBuilder deliveryRows = new StringBuilder();

        final StringBuilder attachmentRows = new StringBuilder();

        final StringBuilder textRows = new StringBuilder();

        final StringBuilder documents = new StringBuilder();

        void chunk(Meta[] metas, int[] numbers, int from, int to) throws Exception {
            for (int i = from; i < to; i++) {
                Meta m = metas[i];
                Random r = new Random(i * 7919L + 17);
                int bigSlot = TO_GRASSROOTS + TO_EVERYONE;
                int step = DISPATCHES / bigSlot;
                Long bigGroup = null;
                if (i % step == 0 && i / step < bigSlot) {
                    bigGroup = i / step < TO_EVERYONE ? everyone : grassroots;
                }
                dispatch(m, numbers[i], r, bigGroup, false, null);
            }
            flush();
        }

        void freshDispatch(Meta m, int number) throws Exception {
            dispatch(m, number, new Random(42), everyone, true, fresh);
            flush();
        }

        void dispatch(Meta m, int number, Random r, Long bigGroup, boolean isFresh, Variant freshFile)
                throws Exception {
            long id = nextDispatch++;
            Issuer issuer = m.issuer();
            String notation = issuer.family().equals("PARTY")
                    ? number + "-" + m.symbol()
                    : String.format("%02d/%s", number, m.symbol());
            String subject = isFresh
                    ? "Về việc gửi tài liệu “Thông báo nhanh kết quả Hội nghị Ban Chấp hành Đảng "
                            + "bộ thành phố” đến toàn thể cấp ủy, tổ chức cơ sở"
                    : subject(r, m.issuedOn());
            String body = text(r, 2 + r.nextInt(4)) + "\n\nTrân trọng.";
            boolean isPublic = isFresh || bigGroup != null || r.nextInt(100) < 80;
            Instant published = isFresh
                    ? Instant.now()
                    : LocalDateTime.of(m.issuedOn(), java.time.LocalTime.of(8, 0))
                            .plusMinutes(r.nextInt(600))
                            .atZone(VIETNAM)
                            .toInstant();
            Instant created = published.minusSeconds(3600L * (1 + r.nextInt(48)));
            csv(
                    dispatches,
                    id,
                    issuer.family(),
                    m.type(),
                    number,
                    m.symbol(),
                    m.series(),
                    issuer.id(),
                    issuer.name(),
                    issuer.header(),
                    issuer.superiorHeader(),
                    m.issuedOn(),
                    issuer.place(),
                    subject,
                    body,
                    POSITIONS[r.nextInt(POSITIONS.length)],
                    SIGNERS[r.nextInt(SIGNERS.length)],
                    r.nextInt(20) == 0 ? 1 : 0,
                    isPublic ? "PUBLIC" : "RESTRICTED",
                    "PUBLISHED",
                    ts(created),
                    ts(published),
                    ts(published));

            // Recipient lines as DispatchForm makes them, and the units they resolve to when published.
            Audience a = issuer.audience();
            TreeSet<Long> resolved = new TreeSet<>();
            int position = 1;
            if (bigGroup != null) {
                line(id, "ADDRESSEE", position++, groupNames.get(bigGroup), null, bigGroup, resolved);
            } else {
                int kind = r.nextInt(100);
                if (kind < 45) {
                    line(id, "ADDRESSEE", position++, a.committeesName(), null, a.committeesGroup(), resolved);
                } else if (kind < 65) {
                    line(id, "ADDRESSEE", position++, a.frontName(), null, a.frontGroup(), resolved);
                    if (r.nextBoolean()) {
                        line(id, "ADDRESSEE", position++, a.committeesName(), null, a.committeesGroup(), resolved);
                    }
                } else if (kind < 66) {
                    line(id, "ADDRESSEE", position++, a.cellsName(), null, a.cellsGroup(), resolved);
                } else {
                    int n = 1 + r.nextInt(4);
                    for (int k = 0; k < n; k++) {
                        Unit unit = a.singles().get(r.nextInt(a.singles().size()));
                        if (!resolved.contains(unit.id())) {
                            line(id, "ADDRESSEE", position++, unit.name(), unit.id(), null, resolved);
                        }
                    }
                }
            }
            line(id, "DISTRIBUTION", 1, "Như trên", null, null, resolved);
            line(id, "DISTRIBUTION", 2, "Lưu Văn phòng", null, null, resolved);
            csv(
                    recipientUnits,
                    id,
                    resolved.stream()
                            .sorted()
                            .map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(",", "{", "}")));
            for (long unit : resolved) {
                long delivery = nextDelivery++;
                deliveries++;
                Instant viewed = null;
                Instant downloaded = null;
                Instant acknowledged = null;
                String by = null;
                if (!isFresh && r.nextInt(100) < 70) {
                    viewed = published.plusSeconds(300 + r.nextInt(3 * 86_400));
                    by = "canbo" + unit;
                    downloaded = r.nextBoolean() ? viewed.plusSeconds(30 + r.nextInt(600)) : null;
                    acknowledged = r.nextInt(100) < 60 ? viewed.plusSeconds(60 + r.nextInt(86_400)) : null;
                }
                csv(
                        deliveryRows,
                        delivery,
                        id,
                        unit,
                        ts(published),
                        ts(viewed),
                        by,
                        ts(downloaded),
                        downloaded == null ? null : by,
                        ts(acknowledged),
                        acknowledged == null ? null : by);
            }

            // Attachments: most dispatches carry a briefing or a document, some an appendix as well.
            List<Variant> files = new ArrayList<>();
            if (isFresh) {
                files.add(freshFile);
            } else if (r.nextInt(100) < 60) {
                files.add(
                        r.nextInt(150) == 0
                                ? longVariants.get(r.nextInt(longVariants.size()))
                                : shortVariants.get(r.nextInt(shortVariants.size())));
                if (r.nextInt(10) == 0) {
                    files.add(shortVariants.get(r.nextInt(shortVariants.size())));
                }
            }
            StringBuilder attachmentText = new StringBuilder();
            for (int p = 0; p < files.size(); p++) {
                Variant v = files.get(p);
                long attachmentId = nextAttachment++;
                attachments++;
                String key = key(r);
                Path target = storage.resolve("objects")
                        .resolve(key.substring(0, 2))
                        .resolve(key.substring(2, 4))
                        .resolve(key);
                Files.createDirectories(target.getParent());
                try {
                    Files.createLink(target, v.file());
                } catch (IOException | UnsupportedOperationException ex) {
                    Files.copy(v.file(), target);
                }
                String kind = p > 0 ? "APPENDIX" : (m.type().equals("CV") ? "BRIEFING" : "DOCUMENT");
                String title = p > 0 ? "Phụ lục kèm theo " + notation : subject;
                String filename = notation.replaceAll("[/\\\\]", "-") + (p > 0 ? "-phu-luc" : "") + ".pdf";
                csv(
                        attachmentRows,
                        attachmentId,
                        id,
                        p + 1,
                        cut(title, 500),
                        kind,
                        filename,
                        "application/pdf",
                        v.size(),
                        v.sha256(),
                        key,
                        v.pages(),
                        ts(created),
                        "CLEAN",
                        ts(created.plusSeconds(20)));
                String content = BenchSearchIndex.indexable(v.text());
                csv(textRows, attachmentId, id, content);
                attachmentText.append(attachmentText.length() > 0 ? " " : "").append(content);
            }

            StringBuilder recipients = new StringBuilder("{");
            for (long unit : resolved) {
                recipients.append(recipients.length() > 1 ? "," : "").append(unit);
            }
            csv(
                    documents,
                    id,
                    isPublic ? "PUBLIC" : "RESTRICTED",
                    issuer.id(),
                    issuer.name(),
                    m.type(),
                    m.issuedOn(),
                    number,
                    BenchSearchIndex.numberKey(notation),
                    notation,
                    BenchSearchIndex.indexable(subject),
                    BenchSearchIndex.indexable(body),
                    cut(attachmentText.toString(), BenchSearchIndex.MAX_INDEXED_TEXT),
                    recipients.append('}').toString());
            if (isFresh) {
                freshDispatchId = id;
            }
        }

        void line(
                long dispatchId,
                String role,
                int position,
                String text,
                Long unitId,
                Long groupId,
                Set<Long> resolved) {
            csv(lines, nextLine++, dispatchId, role, position, cut(text, 500), unitId, groupId);
            if (unitId != null) {
                resolved.add(unitId);
            }
            if (groupId != null) {
                for (long member : groupMembers.containsKey(groupId) ? groupMembers.get(groupId) : demoGroup(groupId)) {
                    resolved.add(member);
                }
            }
        }

        void flush() throws Exception {
            copy(
                    "dispatch (id, family, type_code, number, symbol, numbering_series, issuer_unit_id, issuer_name, "
                            + "issuer_header, superior_header, issued_on, place, subject, body, signer_position, "
                            + "signer_name, priority, visibility, status, created_at, updated_at, published_at)",
                    dispatches);
            copy("dispatch_recipient_line (id, dispatch_id, role, position, printed_text, unit_id, group_id)", lines);
            copy("dispatch_recipient_units (dispatch_id, unit_ids)", recipientUnits);
            copy(
                    "delivery (id, dispatch_id, unit_id, delivered_at, first_viewed_at, first_viewed_by, "
                            + "first_downloaded_at, first_downloaded_by, acknowledged_at, acknowledged_by)",
                    deliveryRows);
            copy(
                    "attachment (id, dispatch_id, position, title, kind, original_filename, content_type, size_bytes, "
                            + "sha256, storage_key, page_count, created_at, scan_state, scanned_at)",
                    attachmentRows);
            copy("attachment_text (attachment_id, dispatch_id, content)", textRows);
            copy(
                    "search_document (dispatch_id, visibility, issuer_unit_id, issuer_name, type_code, issued_on, "
                            + "number, number_key, notation, subject, body, attachment_text, recipient_unit_ids)",
                    documents);
        }
    }

    long freshDispatchId;

    final Map<Long, long[]> demoGroups = new HashMap<>();

    long[] demoGroup(long groupId) {
        return demoGroups.computeIfAbsent(groupId, id -> {
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("select unit_id from unit_group_member where group_id = " + id)) {
                List<Long> members = new ArrayList<>();
                while (r.next()) {
                    members.add(r.getLong(1));
                }
                return members.stream().mapToLong(Long::longValue).toArray();
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    String key(Random r) {
        byte[] bytes = new byte[16];
        r.nextBytes(bytes);
        // The row's random bits are deterministic; the counter keeps keys unique across rows.
        long n = keys++;
        for (int i = 0; i < 8; i++) {
            bytes[i] ^= (byte) (n >>> (8 * i));
        }
        return HexFormat.of().formatHex(bytes);
    }

    long keys = System.nanoTime();

    // ------------------------------------------------------------------------------------------------ files

    Variant variant(String name, String text, int copies) throws Exception {
        Path dir = Files.createDirectories(storage.resolve("bench-variants"));
        Path file = dir.resolve(name + ".pdf");
        String title = text.lines().findFirst().orElse(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            BenchPdfs.write(text, title, "Ban Tuyên giáo Thành ủy Thành phố Hồ Chí Minh", 2024, out);
        }
        int pages;
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            pages = document.getNumberOfPages();
        }
        return new Variant(name, file, Files.size(file), sha256(file), pages, text);
    }

    /** 420 pages of briefing text, with scanned pages (photographs of the printed text) that make it 5 MB. */
    Variant freshVariant() throws Exception {
        Path dir = Files.createDirectories(storage.resolve("bench-variants"));
        Path file = dir.resolve("fresh-420p-5mb.pdf");
        String text = longText(1_500_000);
        ByteArrayOutputStream typeset = new ByteArrayOutputStream();
        BenchPdfs.write(text, text.lines().findFirst().orElseThrow(), "Ban Tuyên giáo Thành ủy", 2026, typeset);
        int pages;
        try (PDDocument document = Loader.loadPDF(typeset.toByteArray())) {
            while (document.getNumberOfPages() > 420) {
                document.removePage(document.getNumberOfPages() - 1);
            }
            pages = document.getNumberOfPages();
            text = text.substring(0, (int) Math.min(text.length(), (long) text.length() * 420 / Math.max(pages, 420)));
            ByteArrayOutputStream probe = new ByteArrayOutputStream();
            document.save(probe);
            long missing = 5_300_000L - probe.size();
            Random r = new Random(5);
            int page = 0;
            while (missing > 0) {
                BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int grey = 200 + r.nextInt(56);
                        image.setRGB(x, y, grey << 16 | grey << 8 | grey);
                    }
                }
                PDImageXObject scan = JPEGFactory.createFromImage(document, image, 0.5f);
                PDPage target = document.getPage(page);
                try (PDPageContentStream content =
                        new PDPageContentStream(document, target, PDPageContentStream.AppendMode.PREPEND, true, true)) {
                    content.drawImage(
                            scan,
                            0,
                            0,
                            target.getMediaBox().getWidth(),
                            target.getMediaBox().getHeight());
                }
                missing -= scan.getCOSObject().getLength();
                page += 37;
            }
            document.save(file.toFile());
        }
        return new Variant("fresh", file, Files.size(file), sha256(file), pages, text);
    }

    String textOf(int count) {
        StringBuilder text = new StringBuilder("TÀI LIỆU SINH HOẠT CHUYÊN ĐỀ\n\n");
        for (int i = 0; i < count; i++) {
            text.append(paragraphs.get(random.nextInt(paragraphs.size()))).append("\n\n");
        }
        return text.toString().strip();
    }

    /** The briefing, again and again under numbered parts, up to {@code length} characters. */
    String longText(int length) {
        StringBuilder text = new StringBuilder("TÀI LIỆU TUYÊN TRUYỀN TỔNG HỢP\n\n");
        int part = 1;
        while (text.length() < length) {
            text.append("PHẦN ")
                    .append(part++)
                    .append("\n\n")
                    .append(briefing.strip())
                    .append("\n\n");
        }
        return text.substring(0, length).strip();
    }

    String subject(Random r, LocalDate issuedOn) {
        String template = SUBJECTS[r.nextInt(SUBJECTS.length)];
        return template.contains("%d") ? String.format(template, 1 + r.nextInt(issuedOn.getYear() - 1990)) : template;
    }

    String text(Random r, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String paragraph = paragraphs.get(r.nextInt(paragraphs.size()));
            if (r.nextBoolean()) {
                String[] sentences = paragraph.split("(?<=[.;:])\\s+");
                int start = r.nextInt(sentences.length);
                int end = Math.min(sentences.length, start + 1 + r.nextInt(3));
                paragraph = String.join(" ", Arrays.asList(sentences).subList(start, end));
            }
            text.append(text.length() > 0 ? "\n\n" : "").append(paragraph);
        }
        return text.toString();
    }

    // ---------------------------------------------------------------------------------------------- the env

    void writeEnv(Path env) throws Exception {
        long group = count("select id from unit_group where code = '" + MARKER_GROUP + "'");
        long freshAttachment = count("select max(id) from attachment where page_count = 420 and size_bytes > 5000000");
        long freshDispatch = count("select dispatch_id from attachment where id = " + freshAttachment);
        String freshKey = string("select storage_key from attachment where id = " + freshAttachment);
        // A typical public dispatch of the list (a few dozen recipients, one short attachment): the dispatch page,
        // the 304.
        long typical = count(
                "select d.id from dispatch d join attachment a on a.dispatch_id = d.id "
                        + "where d.visibility = 'PUBLIC' and d.status = 'PUBLISHED' and a.page_count < 10 "
                        + "and d.issued_on < current_date - 30 and (select cardinality(r.unit_ids) from "
                        + "dispatch_recipient_units r where r.dispatch_id = d.id) < 40 order by d.issued_on desc, d.id desc limit 1");
        long typicalAttachment = count("select min(id) from attachment where dispatch_id = " + typical);
        String content = """
                # Written by vn.congvan.bench.CityLoader: ids of the loaded city for bench/city.sh.
                CITY_GROUP_ID=%d
                CITY_GROUP_SIZE=%d
                FRESH_DISPATCH_ID=%d
                FRESH_ATTACHMENT_ID=%d
                FRESH_FILE=%s
                TYPICAL_DISPATCH_ID=%d
                TYPICAL_ATTACHMENT_ID=%d
                PUBLIC_DISPATCHES=%d
                """.formatted(
                        group,
                        count("select count(*) from unit_group_member where group_id = " + group),
                        freshDispatch,
                        freshAttachment,
                        storage.resolve("objects")
                                .resolve(freshKey.substring(0, 2))
                                .resolve(freshKey.substring(2, 4))
                                .resolve(freshKey),
                        typical,
                        typicalAttachment,
                        count("select count(*) from dispatch where visibility = 'PUBLIC' and status = 'PUBLISHED'"));
        Files.writeString(env, content);
        System.out.print("wrote " + env + ":\n" + content);
    }

    // -------------------------------------------------------------------------------------------------- sql

    String sample(String name) throws IOException {
        Path dir = Path.of(System.getProperty("bench.samples", "/work/shared/samples"));
        if (Files.isRegularFile(dir.resolve(name))) {
            return Normalizer.normalize(Files.readString(dir.resolve(name)), Normalizer.Form.NFC);
        }
        String fallback = name.contains("full") ? "/demo/65-CV-BTGQU-cong-van.txt" : "/demo/" + name;
        try (var in = CityLoader.class.getResourceAsStream(fallback)) {
            return Normalizer.normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8), Normalizer.Form.NFC);
        }
    }

    List<String> dropIndexes(String table) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select indexname, indexdef from " + "pg_indexes where tablename = '"
                        + table + "' and indexname <> '" + table + "_pkey'")) {
            while (r.next()) {
                names.add(r.getString(1));
                definitions.add(r.getString(2));
            }
        }
        for (String name : names) {
            update("drop index " + name);
        }
        return definitions;
    }

    void copy(String target, StringBuilder rows) throws Exception {
        if (rows.length() > 0) {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy " + target + " from stdin (format csv)", new StringReader(rows.toString()));
        }
        rows.setLength(0);
    }

    void update(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    String string(String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    static String ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(VIETNAMESE) + text.substring(1);
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    }

    /** CSV for COPY: null is an unquoted empty field, every other value is quoted. */
    static void csv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (values[i] != null) {
                out.append('"')
                        .append(String.valueOf(values[i]).replace("\"", "\"\""))
                        .append('"');
            }
        }
        out.append('\n');
    }
}
