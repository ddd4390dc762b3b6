package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every corpus document (tuning and held-out, as {@link FileCorpusTests}) typed in a legacy Vietnamese font (ADR
 * 0068) — TCVN3 (".VnTime", capitals' lines in ".VnTimeH") and VNI-Windows ("VNI-Times") — saved as a text file, as a
 * DOCX naming its fonts and as a PDF whose text layer carries the legacy codes, and read back as the API reads a file.
 * The fields right are compared with the Unicode text's; "as typed" is what the reader made of the codes before ADR
 * 0068 (the legacy text taken as it is).
 */
class LegacyCorpusTests {

    /**
     * Share of the Unicode text's right fields each legacy file must keep, a little under what was measured (ADR
     * 0068): TCVN3 98.1–98.6 %, VNI 99.1–100 %; the three web copies flattened into one or two lines lose most.
     */
    static final Map<String, Double> FLOORS = Map.of("TCVN3", 0.978, "VNI", 0.99);

    @TempDir
    Path directory;

    @Test
    void readsDocumentsTypedInLegacyFontsNearlyAsWellAsInUnicode() {
        List<CorpusDocument> documents = new ArrayList<>(CorpusDocument.all());
        documents.addAll(CorpusDocument.holdout());
        Map<String, CorpusFiles.Typing> encodings = new LinkedHashMap<>();
        encodings.put("TCVN3", new CorpusFiles.Typing(LegacyFonts::tcvn3, ".VnTime", ".VnTimeH"));
        encodings.put("VNI", new CorpusFiles.Typing(LegacyFonts::vni, "VNI-Times", "VNI-Times"));

        Map<String, Integer> right = new LinkedHashMap<>();
        StringBuilder lost = new StringBuilder();
        int fromText = 0;
        for (CorpusDocument document : documents) {
            Map<String, Boolean> unicode = document.scoreOfText();
            fromText += count(unicode);
            for (Map.Entry<String, CorpusFiles.Typing> encoding : encodings.entrySet()) {
                CorpusFiles.Typing typing = encoding.getValue();
                UnaryOperator<String> encode = typing.encode();
                Map<String, Function<CorpusDocument, String>> formats = new LinkedHashMap<>();
                formats.put("as typed", d -> encode.apply(d.text()));
                formats.put(
                        "text file",
                        d -> read(
                                d,
                                "txt",
                                encode.apply(d.text()).getBytes(Charset.forName("windows-1252")),
                                DocumentText.TEXT));
                formats.put(
                        "DOCX", d -> read(d, "docx", CorpusFiles.docx(CorpusLayout.of(d), typing), DocumentText.DOCX));
                formats.put(
                        "PDF",
                        d -> read(
                                d,
                                "pdf",
                                CorpusFiles.pdf(CorpusLayout.of(d), CorpusFiles.Order.CELLS, encode),
                                DocumentText.PDF));
                formats.forEach((format, text) -> {
                    Map<String, Boolean> score = document.score(FieldReader.read(text.apply(document)));
                    String key = encoding.getKey() + " " + format;
                    right.merge(key, count(score), Integer::sum);
                    List<String> missed = new ArrayList<>();
                    score.forEach((field, ok) -> {
                        if (!ok && unicode.get(field)) {
                            missed.add(field);
                        }
                    });
                    if (!missed.isEmpty() && !format.equals("as typed")) {
                        lost.append(key)
                                .append(' ')
                                .append(document.id())
                                .append(": ")
                                .append(missed)
                                .append('\n');
                    }
                });
            }
        }
        StringBuilder report = new StringBuilder();
        int total = fromText;
        right.forEach((key, sum) -> report.append(
                String.format(Locale.ROOT, "%s: %d/%d (%.1f %%)%n", key, sum, total, 100.0 * sum / total)));
        report.append(lost);
        System.out.println(report);
        right.forEach((key, sum) -> {
            if (!key.endsWith("as typed")) {
                assertThat((double) sum / total)
                        .as("%s%n%s", key, report)
                        .isGreaterThanOrEqualTo(FLOORS.get(key.substring(0, key.indexOf(' '))));
            }
        });
    }

    private static int count(Map<String, Boolean> score) {
        return (int) score.values().stream().filter(ok -> ok).count();
    }

    private String read(CorpusDocument document, String extension, byte[] bytes, String type) {
        try {
            Path file = directory.resolve(document.id() + "." + extension);
            Files.write(file, bytes);
            return DocumentText.of(file, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
