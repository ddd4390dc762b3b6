package vn.congvan.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the extractor on every real document of the corpus (src/test/resources/extraction-corpus) and writes the
 * accuracy per field to docs/extraction-accuracy.md. The floors are what the rules achieve today, set a little under
 * it so that a change that makes the extraction worse fails here (ADR 0044).
 */
class ExtractionCorpusTests {

    /** Share of all fields of all documents that must be right. */
    static final double OVERALL_FLOOR = 0.96;

    /** No field may fall far behind the others. */
    static final double FIELD_FLOOR = 0.9;

    /**
     * The held-out documents are never tuned on, only guarded: a rule change that breaks documents the rules have not
     * seen fails here.
     */
    static final double HOLDOUT_FLOOR = 0.96;

    /**
     * The second held-out set (round 4) is never tuned on either; its floor is set under the figure it scored when it
     * was first measured (80 of 84 fields), so that it guards without ever being tuned to.
     */
    static final double SECOND_HOLDOUT_FLOOR = 0.9;

    /**
     * The third held-out set (round 5: Party and mass-organisation documents) never joins the tuning corpus; its floor
     * sits under the figure it scored when it was first measured, before the rules its misses showed were added.
     */
    static final double THIRD_HOLDOUT_FLOOR = 0.9;

    /**
     * The fourth held-out set (round 6: Party and mass-organisation documents) scored 105/112 untouched, the estimate
     * for unseen documents; six general rules were then added for its misses, so it now only guards them (112/112),
     * with the first held-out set's floor.
     */
    static final double FOURTH_HOLDOUT_FLOOR = 0.96;

    /**
     * The fifth held-out set scored 25/28 untouched in rounds 7 and 8 (e1, e2: mass organisations) and 75/84 in round 9
     * (e3, e4: mass organisations; e5 to e8: the Government Office); general rules were added for their misses after
     * each untouched run, so it now guards them (111/112: e5 keeps a name the page broke inside a word), with the first
     * held-out set's floor. Round 10 added e9 to e16 (two mass-organisation documents, six state documents of bodies
     * no set held): they read 102/112 untouched and the set 213/224; the floor sits just under that. Round 11 added
     * e17 to e24 (the first new Party document in five rounds, two mass-organisation and five state documents): 103/112
     * untouched, the set 326/336, still above the floor. Round 12 added e25 to e28 (one Party, one mass-organisation and
     * two state documents): 52/56 untouched, the set 387/392; 391/392 after the five rules its misses showed. Round 13
     * added e33 to e35 (two national unions' công văn, a school's tờ trình; no Party document found): 39/42 untouched.
     * Round 14 added e29 to e32, e36 and e37 (five Party documents taken from PDFs' text layers, scans' OCR and a docx,
     * and an association's letter): 65/84 untouched, the set 498/518; 510/518 after the seven rules its misses showed.
     * The floor sits just under that: one more lost field fails.
     */
    static final double FIFTH_HOLDOUT_FLOOR = 0.984;

    /** No single document may fall under this share of right fields. */
    static final double DOCUMENT_FLOOR = 0.5;

    static Stream<CorpusDocument> documents() {
        return CorpusDocument.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void readsMostFieldsOfEveryDocument(CorpusDocument document) {
        Extraction extraction = FieldReader.read(document.text());
        Map<String, Boolean> score = document.score(extraction);
        long right = score.values().stream().filter(Boolean::booleanValue).count();

        assertThat((double) right / score.size())
                .as(
                        "%s: wrong %s, read %s",
                        document.id(), CorpusDocument.wrongFields(score), document.actualValues(extraction))
                .isGreaterThanOrEqualTo(DOCUMENT_FLOOR);
    }

    @Test
    void corpusHasThirtyRealDocumentsOfEveryFamily() {
        List<CorpusDocument> all = CorpusDocument.all();

        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).allSatisfy(document -> assertThat(document.source()).isNotBlank());
        assertThat(all.stream()
                        .map(document -> document.expected().get("family").asString()))
                .contains("PARTY", "STATE", "MASS_ORG");
    }

    @Test
    void reportsAccuracyPerFieldAboveTheFloor() throws IOException {
        List<CorpusDocument> all = CorpusDocument.all();
        List<CorpusDocument> holdout = CorpusDocument.holdout();
        Tally first =
                Tally.of(all.stream().filter(document -> document.batch() == 1).toList());
        Tally second =
                Tally.of(all.stream().filter(document -> document.batch() == 2).toList());
        Tally third =
                Tally.of(all.stream().filter(document -> document.batch() == 3).toList());
        Tally fifth =
                Tally.of(all.stream().filter(document -> document.batch() == 5).toList());
        Tally tuned = Tally.of(all);
        Tally kept = Tally.of(holdout);
        Tally keptSecond = Tally.of(CorpusDocument.secondHoldout());
        List<CorpusDocument> heldOutThird = CorpusDocument.thirdHoldout();
        Tally keptThird = Tally.of(heldOutThird);
        List<CorpusDocument> heldOutFourth = CorpusDocument.fourthHoldout();
        Tally keptFourth = Tally.of(heldOutFourth);
        List<CorpusDocument> heldOutFifth = CorpusDocument.fifthHoldout();
        Tally keptFifth = Tally.of(heldOutFifth);

        StringBuilder report = new StringBuilder();
        report.append("# Extraction accuracy\n\n")
                .append(
                        "Written by `ExtractionCorpusTests` (do not edit by hand): the rules of `FieldReader` (ADR 0044) ")
                .append("run on the real documents of `src/test/resources/extraction-corpus` (")
                .append(all.size())
                .append(" documents the rules may be tuned on) and of `src/test/resources/extraction-corpus-holdout` (")
                .append(holdout.size())
                .append(" documents kept out of tuning: they are only measured, never used to change a rule), each ")
                .append("compared field by field with the fields a clerk would type (case, spacing and trailing ")
                .append("punctuation ignored; an absent field must be read as absent).\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "**Tuning corpus: %d of %d fields right, %.1f %%** (floor %.0f %% overall and %.0f %% per field, target 95 %%). ",
                        tuned.right(),
                        tuned.total(),
                        tuned.share() * 100,
                        OVERALL_FLOOR * 100,
                        FIELD_FLOOR * 100))
                .append(String.format(
                        Locale.ROOT,
                        "**Held-out: %d of %d fields right, %.1f %%** (floor %.0f %%).%n%n",
                        kept.right(),
                        kept.total(),
                        kept.share() * 100,
                        HOLDOUT_FLOOR * 100))
                .append("Batch 1 is the corpus the rules were first written on; batch 2 the documents added later, ")
                .append(
                        "Party, mass-organisation and state ones with unusual layouts; batch 3 the former held-out set (h1 to h8), ")
                .append(
                        "tuned on once its failures had been seen; batch 5 the documents of round 4 tuned on (a1 to a7). ")
                .append(
                        "Held-out 2 (`src/test/resources/extraction-corpus-holdout-2`, b1 to b6) was drawn in the same ")
                .append("round and is never tuned on. The figures of batches 2, 3 and 5 and of the held-out sets ")
                .append("before the rules were tuned on them are kept in the section below the table.\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "| field | batch 1 (%d docs) | batch 2 (%d docs) | batch 3 (%d docs) | batch 5 (%d docs) | all tuning (%d docs) | held-out (%d docs) | held-out 2 (%d docs) | held-out 3 (%d docs) | held-out 4 (%d docs) | held-out 5 (%d docs) |%n",
                        first.documents(),
                        second.documents(),
                        third.documents(),
                        fifth.documents(),
                        tuned.documents(),
                        kept.documents(),
                        keptSecond.documents(),
                        keptThird.documents(),
                        keptFourth.documents(),
                        keptFifth.documents()))
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String field : CorpusDocument.FIELDS) {
            report.append("| ")
                    .append(field)
                    .append(" | ")
                    .append(first.cell(field))
                    .append(" | ")
                    .append(second.cell(field))
                    .append(" | ")
                    .append(third.cell(field))
                    .append(" | ")
                    .append(fifth.cell(field))
                    .append(" | ")
                    .append(tuned.cell(field))
                    .append(" | ")
                    .append(kept.cell(field))
                    .append(" | ")
                    .append(keptSecond.cell(field))
                    .append(" | ")
                    .append(keptThird.cell(field))
                    .append(" | ")
                    .append(keptFourth.cell(field))
                    .append(" | ")
                    .append(keptFifth.cell(field))
                    .append(" |\n");
        }
        report.append(String.format(
                Locale.ROOT,
                "| **all fields** | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n%n",
                first.overall(),
                second.overall(),
                third.overall(),
                fifth.overall(),
                tuned.overall(),
                kept.overall(),
                keptSecond.overall(),
                keptThird.overall(),
                keptFourth.overall(),
                keptFifth.overall()));
        report.append(String.format(
                Locale.ROOT,
                "Held-out 3 (`src/test/resources/extraction-corpus-holdout-3`, c1 to c%d: Party and mass-organisation "
                        + "documents found in round 5; 104/112 (92.9 %%) when first measured, the estimate for unseen "
                        + "documents, before six general rules were added for its misses; floor %.0f %%) per family "
                        + "today: ",
                heldOutThird.size(),
                THIRD_HOLDOUT_FLOOR * 100));
        report.append(perFamily(heldOutThird));
        report.append(String.format(
                Locale.ROOT,
                "Held-out 4 (`src/test/resources/extraction-corpus-holdout-4`, d1 to d%d: Party and mass-organisation "
                        + "documents found in round 6; 105/112 (93.8 %%) when measured untouched, the estimate for unseen "
                        + "documents, before six general rules were added for its misses, so no longer an unseen figure; "
                        + "floor %.0f %%) per family today: ",
                heldOutFourth.size(),
                FOURTH_HOLDOUT_FLOOR * 100));
        report.append(perFamily(heldOutFourth));
        report.append(String.format(
                Locale.ROOT,
                "Held-out 5 (`src/test/resources/extraction-corpus-holdout-5`, %d documents, e1 to e37: found in "
                        + "rounds 7 to "
                        + "14, Party, mass-organisation and state ones; 25/28 (89.3 %%) for e1–e2, 75/84 (89.3 %%) for "
                        + "e3–e8, 102/112 (91.1 %%) for e9–e16, 103/112 (92.0 %%) for e17–e24, 52/56 (92.9 %%) for "
                        + "e25–e28, 39/42 (92.9 %%) for e33–e35 and 65/84 (77.4 %%) for e29–e32, e36–e37 (texts of PDFs "
                        + "and scans) when measured untouched, before general rules were added "
                        + "for their misses, so no longer an unseen figure; floor %.1f %%) per family today: ",
                heldOutFifth.size(),
                FIFTH_HOLDOUT_FLOOR * 100));
        report.append(perFamily(heldOutFifth));
        Path baseline = CorpusDocument.DIRECTORY.resolveSibling("extraction-corpus-baseline.md");
        if (Files.exists(baseline)) {
            report.append(Files.readString(baseline, StandardCharsets.UTF_8)).append('\n');
        }
        report.append("## Documents with a wrong field\n\n| document | wrong fields |\n|---|---|\n")
                .append(tuned.misses())
                .append(kept.misses().replaceAll("(?m)^\\| ", "| held-out "))
                .append(keptSecond.misses().replaceAll("(?m)^\\| ", "| held-out 2 "))
                .append(keptThird.misses().replaceAll("(?m)^\\| ", "| held-out 3 "))
                .append(keptFourth.misses().replaceAll("(?m)^\\| ", "| held-out 4 "))
                .append(keptFifth.misses().replaceAll("(?m)^\\| ", "| held-out 5 "));
        // The files' and the scans' sections are FileCorpusTests' and ScanCorpusTests' to write: kept as they are.
        AccuracyReport.rewrite(current -> {
            int at = current == null ? -1 : current.indexOf(FileCorpusTests.SECTION);
            if (at < 0 && current != null) {
                at = current.indexOf(ScanCorpusTests.SECTION);
            }
            return report + (at < 0 ? "" : "\n" + current.substring(at));
        });

        assertThat(tuned.share()).as(report.toString()).isGreaterThanOrEqualTo(OVERALL_FLOOR);
        assertThat(CorpusDocument.FIELDS)
                .as(report.toString())
                .allSatisfy(field -> assertThat(tuned.share(field)).as(field).isGreaterThanOrEqualTo(FIELD_FLOOR));
        assertThat(kept.share()).as(report.toString()).isGreaterThanOrEqualTo(HOLDOUT_FLOOR);
        assertThat(keptSecond.share()).as(report.toString()).isGreaterThanOrEqualTo(SECOND_HOLDOUT_FLOOR);
        assertThat(keptThird.share()).as(report.toString()).isGreaterThanOrEqualTo(THIRD_HOLDOUT_FLOOR);
        assertThat(keptFourth.share()).as(report.toString()).isGreaterThanOrEqualTo(FOURTH_HOLDOUT_FLOOR);
        assertThat(keptFifth.share()).as(report.toString()).isGreaterThanOrEqualTo(FIFTH_HOLDOUT_FLOOR);
    }

    /** One set's share of right fields per family, as a sentence of the report. */
    private static String perFamily(List<CorpusDocument> documents) {
        StringBuilder line = new StringBuilder();
        List<String> families = List.of("PARTY", "MASS_ORG", "STATE");
        for (String family : families) {
            Tally ofFamily = Tally.of(documents.stream()
                    .filter(document ->
                            family.equals(document.expected().get("family").asString()))
                    .toList());
            line.append(String.format(
                    Locale.ROOT,
                    "%s %s (%d docs)%s",
                    family,
                    ofFamily.overall(),
                    ofFamily.documents(),
                    family.equals(families.get(families.size() - 1)) ? ".\n\n" : "; "));
        }
        return line.toString();
    }

    /** Right and total counts per field over a set of documents, with the documents that have a wrong field. */
    private record Tally(int documents, Map<String, int[]> perField, String misses) {

        static Tally of(List<CorpusDocument> documents) {
            Map<String, int[]> perField = new LinkedHashMap<>();
            CorpusDocument.FIELDS.forEach(field -> perField.put(field, new int[2]));
            StringBuilder misses = new StringBuilder();
            for (CorpusDocument document : documents) {
                Map<String, Boolean> score = document.scoreOfText();
                score.forEach((field, right) -> {
                    perField.get(field)[1]++;
                    if (right) {
                        perField.get(field)[0]++;
                    }
                });
                List<String> wrong = CorpusDocument.wrongFields(score);
                if (!wrong.isEmpty()) {
                    misses.append("| ")
                            .append(document.id())
                            .append(" | ")
                            .append(String.join(", ", wrong))
                            .append(" |\n");
                }
            }
            return new Tally(documents.size(), perField, misses.toString());
        }

        int right() {
            return perField.values().stream().mapToInt(counts -> counts[0]).sum();
        }

        int total() {
            return perField.values().stream().mapToInt(counts -> counts[1]).sum();
        }

        double share() {
            return total() == 0 ? 0 : (double) right() / total();
        }

        double share(String field) {
            int[] counts = perField.get(field);
            return counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
        }

        String cell(String field) {
            int[] counts = perField.get(field);
            return counts[1] == 0
                    ? "-"
                    : String.format(
                            Locale.ROOT, "%d/%d (%.1f %%)", counts[0], counts[1], 100.0 * counts[0] / counts[1]);
        }

        String overall() {
            return total() == 0 ? "-" : String.format(Locale.ROOT, "%d/%d (%.1f %%)", right(), total(), share() * 100);
        }
    }
}
