package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real published PDFs (those of {@link RealFileCorpusTests} that carry a text layer) drawn as a colour office scanner
 * draws a page, 200 dpi and JPEG, and read back through the API's path as scans. Unlike the typeset pages of
 * {@link ScanCorpusTests}, these pages stand as printed: the header's two columns in cells of different sizes, the
 * e-office stamps, the red seal over the signature, the foot beside the list. Scored with the files' own expected
 * fields. Each page is a Tesseract run, so the suite reads a few files ({@link #FLOORS}, one of each family and shape)
 * and fails under the figure measured; {@code -Dreal.scans=all} reads every one of them and prints the table that
 * docs/extraction-accuracy.md quotes (README of the real files, session 16).
 */
class RealFileScanTests {

    /** The files the suite reads, and how many of their 14 fields must be right from the scan. */
    static final Map<String, Integer> FLOORS = Map.of(
            "r01-bacgiang-sgddt-gdth-2020", 13, // STATE, a Sở's công văn, seal over the signature
            "r12-hanoi-btctu-21-hd-2025", 13, // PARTY, number and day stamped by the e-office system
            "r17-bungrieng-dtn-tt-2025",
                    13, // MASS_ORG, a school's Đoàn, number left blank ("RIÈNG" put right, ADR 0078)
            "r37-phucthinh-doanxa-kh-xuan-2025", 12); // MASS_ORG, a commune's Đoàn plan

    private static final float DPI = 200;

    private static final float JPEG_QUALITY = 0.75f;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void realFilesPrintedAndScannedAreReadAtLeastAsWellAsMeasured(@TempDir Path scans) throws IOException {
        boolean all = "all".equals(System.getProperty("real.scans"));
        Extractor extractor = RealFileCorpusTests.extractor();
        Map<String, int[]> perField = new LinkedHashMap<>();
        CorpusDocument.FIELDS.forEach(field -> perField.put(field, new int[2]));
        StringBuilder table = new StringBuilder("REAL SCAN | file | right | of | wrong fields (read as)\n");
        Map<String, Integer> right = new LinkedHashMap<>();
        int total = 0;
        int totalRight = 0;
        for (Path json : jsons()) {
            JsonNode node = JSON.readTree(Files.readString(json, StandardCharsets.UTF_8));
            String id = json.getFileName().toString().replace(".json", "");
            String file = node.get("file").asString();
            if (!(all ? file.endsWith(".pdf") && hasTextLayer(id) : FLOORS.containsKey(id))) {
                continue;
            }
            Path scan = scans.resolve(id + ".pdf");
            scan(RealFileCorpusTests.DIRECTORY.resolve(file), scan);
            CorpusDocument document =
                    new CorpusDocument(id, node.get("source").asString(), 0, "", node.get("expected"));
            Extraction extraction = extractor.read(scan, scan.getFileName().toString(), DocumentText.PDF);
            Map<String, Boolean> score = document.score(extraction);
            List<String> wrong = new ArrayList<>();
            int fileRight = RealFileCorpusTests.tally(score, document.actualValues(extraction), perField, wrong);
            right.put(id, fileRight);
            totalRight += fileRight;
            total += score.size();
            table.append(String.format(
                    Locale.ROOT,
                    "REAL SCAN | %s | %d | %d | %s%n",
                    id,
                    fileRight,
                    score.size(),
                    String.join(" ; ", wrong)));
        }
        perField.forEach((field, counts) ->
                table.append(String.format(Locale.ROOT, "REAL SCAN | %s | %d | %d |%n", field, counts[0], counts[1])));
        table.append(String.format(
                Locale.ROOT,
                "REAL SCAN | all fields | %d | %d | %.1f %%%n",
                totalRight,
                total,
                100.0 * totalRight / Math.max(1, total)));
        System.out.println(table);

        assertThat(right).containsKeys(FLOORS.keySet().toArray(String[]::new));
        FLOORS.forEach((id, floor) -> assertThat(right.get(id))
                .as("fields right on %s printed and scanned", id)
                .isGreaterThanOrEqualTo(floor));
    }

    /** The real files that are scans already, or whose pages are pictures: nothing to print and scan again. */
    private static boolean hasTextLayer(String id) {
        return !(id.contains("scan") || id.startsWith("r21") || id.startsWith("r26"));
    }

    /** Each page drawn in colour at {@link #DPI} and saved as a JPEG picture filling a page of the same size. */
    static void scan(Path source, Path target) throws IOException {
        try (PDDocument printed = Loader.loadPDF(source.toFile());
                PDDocument scanned = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(printed);
            for (int index = 0; index < printed.getNumberOfPages(); index++) {
                BufferedImage picture = renderer.renderImageWithDPI(index, DPI, ImageType.RGB);
                PDRectangle box = printed.getPage(index).getMediaBox();
                PDPage page = new PDPage(box);
                scanned.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(scanned, page)) {
                    content.drawImage(
                            JPEGFactory.createFromImage(scanned, picture, JPEG_QUALITY),
                            0,
                            0,
                            box.getWidth(),
                            box.getHeight());
                }
            }
            scanned.save(target.toFile());
        }
    }

    private static List<Path> jsons() throws IOException {
        try (Stream<Path> files = Files.list(RealFileCorpusTests.DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
