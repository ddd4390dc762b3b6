package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextLayerTests {

    /** Every real document of the three corpora, as their texts are: none may be taken for a garbled layer. */
    private static final List<CorpusDocument> DOCUMENTS = Stream.of(
                    CorpusDocument.all(), CorpusDocument.holdout(), CorpusDocument.secondHoldout())
            .flatMap(List::stream)
            .toList();

    /** The ways a text layer goes wrong that ADR 0058 names, each applied to a whole text. */
    private static final Map<String, UnaryOperator<String>> DAMAGES = new LinkedHashMap<>();

    static {
        // A failed recognition or a font without Vietnamese glyph names: "Cong van so".
        DAMAGES.put(
                "without diacritics",
                text -> Normalizer.normalize(text, Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .replace('đ', 'd')
                        .replace('Đ', 'D'));
        // A font whose marked vowels map to nothing: "Cng vn".
        DAMAGES.put(
                "marked letters lost",
                text -> text.codePoints()
                        .filter(c -> c < 0x80 || !Character.isLetter(c))
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
        // UTF-8 read as Windows-1252: "CÃ´ng vÄƒn".
        DAMAGES.put(
                "wrong code page",
                text -> new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252")));
        // Glyph numbers passed off as characters.
        DAMAGES.put(
                "private-use codes",
                text -> text.codePoints()
                        .map(c -> Character.isLetter(c) ? 0xE000 + (c & 0xFF) : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
        // A converter that writes "?" for every character it has no code for: "C?ng v?n".
        DAMAGES.put(
                "question marks",
                text -> text.codePoints()
                        .map(c -> c >= 0x80 && Character.isLetter(c) ? '?' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString());
    }

    /**
     * The one corpus document copied from a garbled layer (Scribd's text of a PDF whose font lost the marked vowels:
     * "UBND TNH PH TH", "S VN HO TH THAO"): its expected fields are that garbage, as its layer gives them.
     */
    private static final String GARBLED_IN_THE_CORPUS = "s19-phutho-02-hd-svhttdl-2017";

    @Test
    void noRealDocumentsTextIsTakenForAGarbledLayerButTheOneCopiedFromOne() {
        List<String> garbled = new ArrayList<>();
        for (CorpusDocument document : DOCUMENTS) {
            TextLayer.Quality quality = TextLayer.judge(document.text());
            if (quality.garbled()) {
                garbled.add(document.id());
            }
        }

        assertThat(DOCUMENTS).hasSizeGreaterThan(60);
        assertThat(garbled).containsExactly(GARBLED_IN_THE_CORPUS);
    }

    @Test
    void everyRealDocumentDamagedInEachWayIsTakenForAGarbledLayer() {
        List<String> missed = new ArrayList<>();
        DAMAGES.forEach((damage, apply) -> {
            for (CorpusDocument document : DOCUMENTS) {
                if (document.id().equals(GARBLED_IN_THE_CORPUS)) {
                    continue;
                }
                TextLayer.Quality quality = TextLayer.of(apply.apply(document.text()));
                if (!quality.garbled()) {
                    missed.add(damage + " " + document.id() + ": " + quality.reason());
                }
            }
        });

        assertThat(missed).isEmpty();
    }

    @Test
    void aDamagedLayerScoresUnderTheSameTextRead() {
        String text = DOCUMENTS.get(0).text();
        double right = TextLayer.of(text).score();

        DAMAGES.forEach((damage, apply) ->
                assertThat(TextLayer.of(apply.apply(text)).score()).as(damage).isLessThan(right / 2));
    }

    /**
     * A scan whose scanner recognised it without Vietnamese (diacritics mostly lost), then signed by an e-office
     * system: the signing tool draws its stamp as clean Unicode text over the page, which alone lifts the share of
     * marked syllables over the threshold. The stamp is not the page's layer; without it the layer is garbled.
     */
    private static final String SIGNED_SCAN = String.join(
            "\n",
            "UY BAN NHAN DAN",
            "HUYEN HOA VANG",
            "So 215/UBND-VP",
            "Ký bởi: Ủy ban nhân dân huyện",
            "Hòa Vang",
            "Email: ubnd@hoavang.gov.vn",
            "Cơ quan: Ủy ban nhân dân huyện",
            "Hòa Vang",
            "Ngày ký: 12-03-2024",
            "09:15:02 +07:00",
            "CONG HOA XA HOI CHU NGHIA VIET NAM",
            "Doc lap - Tu do - Hanh phuc",
            "Hòa Vang, ngày 11 tháng 3 nam 2024",
            "V/v trien khai ke hoach phòng chong thien tai nam 2024",
            "Kinh gui: Uy ban nhân dan các xa",
            "Thuc hin chi dao cüa Uy ban nhân dân thành phô v công tac phòng chng thiên tai,",
            "Uy ban nhân dân huyn d nghj các xa trin khai thuc hin các ni dung sau dây.",
            "Noi nhân: Nhu trên; Luu VT.",
            "CHU TICH");

    @Test
    void aSigningStampDrawnOverAScanDoesNotMakeItsLayerClean() {
        assertThat(TextLayer.judge(SIGNED_SCAN).garbled())
                .as(TextLayer.judge(SIGNED_SCAN).reason())
                .isTrue();
    }

    /** The motto and a recital as the legacy fonts' encodings put them in a text layer. */
    private static final String TCVN3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc "
            + "Uû ban nh©n d©n tØnh QuyÕt ®Þnh VÒ viÖc ban hµnh kÕ ho¹ch C¨n cø LuËt Tæ chøc chÝnh quyÒn ®Þa "
            + "ph­¬ng ngµy 19 th¸ng 6 n¨m 2015";

    private static final String VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam Ñoäc laäp - Töï do - Haïnh phuùc "
            + "UÛy ban nhaân daân tænh Quyeát ñònh Veà vieäc ban haønh keá hoaïch Caên cöù Luaät Toå chöùc chính "
            + "quyeàn ñòa phöông ngaøy 19 thaùng 6 naêm 2015";

    @Test
    void textInTheLegacyFontsEncodingsIsGarbled() {
        assertThat(TextLayer.of(TCVN3).garbled())
                .as(TextLayer.of(TCVN3).reason())
                .isTrue();
        assertThat(TextLayer.of(VNI).garbled()).as(TextLayer.of(VNI).reason()).isTrue();
    }

    @Test
    void aHeaderInALegacyFontIsGarbledHoweverCleanTheBodyAfterIt() {
        CorpusDocument document = DOCUMENTS.get(0);
        String text = TCVN3 + "\n" + document.text().repeat(3);

        assertThat(TextLayer.of(text).garbled()).isFalse();
        assertThat(TextLayer.judge(text).garbled()).isTrue();
    }

    @Test
    void aFewWordsAreNotJudged() {
        assertThat(TextLayer.of("Cng vn s 65 ngy 12").garbled()).isFalse();
        assertThat(TextLayer.of("").garbled()).isFalse();
    }
}
