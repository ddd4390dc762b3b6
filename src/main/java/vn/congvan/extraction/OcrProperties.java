package vn.congvan.extraction;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scans and images are read by Tesseract (ADR 0046).
 *
 * @param mode {@code auto} (the default): on when the program answers {@code --list-langs} with every language at
 *     start-up, off otherwise; {@code on}: the portal does not start without them; {@code off}: scans are refused
 * @param command the Tesseract program, a path or a name looked up on the PATH
 * @param languages Tesseract's language codes joined by {@code +}; {@code vie} reads Vietnamese diacritics
 * @param pageSegmentationMode Tesseract's {@code --psm}: 4 (one column of lines of varying size) keeps the two
 *     columns of the header band on one line with their gap, which the field rules cut at
 * @param concurrency how many files are recognised at once across the portal, one Tesseract run each at a time (a
 *     file holds its slot from loading to its last run, ADR 0058); the others wait within their file budget
 * @param pageTimeout the longest one page may take before its run is killed
 * @param fileTimeout the longest a whole file may take, waiting for a run included
 * @param maxPages how many pages of a scan are read where its foot stands most often: all but one from the start, and
 *     the last (the foot); the reading stops at the first page that shows a foot, and goes on past the first pages,
 *     {@code maxPages} more at most, back from the last and on from the first ones in turn, when the last shows none
 *     (an annex follows the document; {@link ScanPages})
 * @param dpi the resolution a PDF page is drawn at for recognition
 * @param maxPixels the largest picture handed to Tesseract; a larger page or image is drawn smaller
 * @param minLettersPerPage under this many letters per page the text layer of a PDF does not count and it is read as
 *     a scan
 */
@ConfigurationProperties("congvan.extraction.ocr")
record OcrProperties(
        @DefaultValue("auto") Mode mode,
        @DefaultValue("tesseract") String command,
        @DefaultValue("vie") String languages,
        @DefaultValue("4") int pageSegmentationMode,
        @DefaultValue("2") int concurrency,
        @DefaultValue("PT30S") Duration pageTimeout,
        @DefaultValue("PT90S") Duration fileTimeout,
        @DefaultValue("3") int maxPages,
        @DefaultValue("300") int dpi,
        @DefaultValue("12000000") long maxPixels,
        @DefaultValue("40") int minLettersPerPage) {

    enum Mode {
        AUTO,
        ON,
        OFF
    }
}
