package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans documents of the corpus and reads them back by OCR: each text typeset on A4, drawn at 200 dpi, turned and
 * specked ({@link Scans}), saved as a PDF of pictures and read as the API reads a scan (ADR 0046). Writes the
 * accuracy per field, beside the same documents read from their text, as the "Scans" section of
 * docs/extraction-accuracy.md; fails when OCR loses more than a few fields.
 */
class ScanCorpusTests {

    static final String SECTION = "## Scans (OCR)";

    /** A few of each family, kept few because each page takes a Tesseract run. */
    private static final Set<String> SCANNED = Set.of(
            "p01-65-cv-btgqu",
            "p02-tw-97-qd-tw-2023",
            "p03-hue-445-kl-tu-2022",
            "s02-quangnam-216-qd-ubnd-2023",
            "s09-bacninh-155-kh-ubnd-2017",
            "s10-sonla-68-kh-ubnd-2020",
            "m03-twdtn-225-kh-2024",
            "m05-hnd-664-cv-hndtw-2014");

    /** Share of the fields read right from the text that must still be right from the scan. */
    static final double FLOOR = 0.85;

    @TempDir
    Path directory;

    @Test
    void scansOfCorpusDocumentsGiveMostOfTheFieldsTheirTextsGive() throws IOException {
        TesseractOcr ocr = new TesseractOcr(new OcrProperties(
                OcrProperties.Mode.ON,
                "tesseract",
                "vie",
                4,
                2,
                Duration.ofSeconds(120),
                Duration.ofSeconds(300),
                3,
                300,
                12_000_000,
                40));
        Map<String, int[]> perField = new LinkedHashMap<>();
        CorpusDocument.FIELDS.forEach(field -> perField.put(field, new int[3]));
        StringBuilder misses = new StringBuilder();
        List<CorpusDocument> documents = CorpusDocument.all().stream()
                .filter(document -> SCANNED.contains(document.id()))
                .toList();
        for (CorpusDocument document : documents) {
            Path scan = Files.write(
                    directory.resolve(document.id() + ".pdf"), Scans.imagePdf(Scans.typeset(document.text())));
            String text = ocr.readPdf(scan, document.id() + ".pdf");
            Map<String, Boolean> fromScan =
                    document.score(FieldReader.read(FieldReader.withoutOcrSpecks(DocumentText.capped(text))));
            Map<String, Boolean> fromText = document.score(FieldReader.read(document.text()));
            fromScan.forEach((field, right) -> {
                int[] counts = perField.get(field);
                counts[0] += right ? 1 : 0;
                counts[1] += fromText.get(field) ? 1 : 0;
                counts[2]++;
            });
            List<String> lost = fromScan.keySet().stream()
                    .filter(field -> fromText.get(field) && !fromScan.get(field))
                    .toList();
            if (!lost.isEmpty()) {
                misses.append("| ")
                        .append(document.id())
                        .append(" | ")
                        .append(String.join(", ", lost))
                        .append(" |\n");
            }
        }
        int scanRight = perField.values().stream().mapToInt(counts -> counts[0]).sum();
        int textRight = perField.values().stream().mapToInt(counts -> counts[1]).sum();
        int total = perField.values().stream().mapToInt(counts -> counts[2]).sum();

        StringBuilder section = new StringBuilder(SECTION).append("\n\n");
        section.append("Written by `ScanCorpusTests`: ")
                .append(documents.size())
                .append(" documents of the corpus typeset on A4, scanned by the test (200 dpi gray, turned half a ")
                .append("degree, specks), saved as PDFs of pictures and read by Tesseract (`vie`, psm 4) as the API ")
                .append("reads a scan (ADR 0046). The layout is the text's, not the printed drawing, so this ")
                .append("measures what OCR noise costs the rules, not real scans.\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "**From the scans: %d of %d fields right, %.1f %%; from the same texts: %d (%.1f %%).**%n%n",
                        scanRight,
                        total,
                        100.0 * scanRight / total,
                        textRight,
                        100.0 * textRight / total))
                .append("| field | right from scan | right from text | of |\n|---|---|---|---|\n");
        perField.forEach((field, counts) -> section.append(
                String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", field, counts[0], counts[1], counts[2])));
        section.append("\n### Fields right from the text but lost in the scan\n\n| document | fields |\n|---|---|\n")
                .append(misses);
        Path report = Path.of("docs", "extraction-accuracy.md");
        if (Files.isRegularFile(report)) {
            String current = Files.readString(report, StandardCharsets.UTF_8);
            int at = current.indexOf(SECTION);
            String head = at < 0 ? current.stripTrailing() + "\n\n" : current.substring(0, at);
            Files.writeString(report, head + section, StandardCharsets.UTF_8);
        }

        assertThat((double) scanRight / textRight).as(section.toString()).isGreaterThanOrEqualTo(FLOOR);
    }
}
