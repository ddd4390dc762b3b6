package vn.congvan.extraction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import vn.congvan.attachment.Jbig2Decodes;
import vn.congvan.attachment.PdfContentBudget;
import vn.congvan.attachment.SeenAnnotations;

/**
 * The number and the day an e-office signing system stamps into the blanks of the "Số" line and of the date line as
 * <em>pictures</em>: a signature field over the blank whose appearance is an image of "21" (the Party's e-office
 * system of Hà Nội issues every document so, real files r12 and r13). No text layer holds them, and the page is not a
 * scan, so OCR of the pages never runs. Each such stamp is a small picture in the header band of the first page; its
 * own image, not the page around it, is given to Tesseract as one word of digits (ADR 0044, amendment of session 15).
 * The stamps that stand in the left half of the page fill the number, those in the right half the day (then the month,
 * when it was left blank too): the header's two columns, as NĐ 30 and HD 36 lay them out.
 */
final class PictureStamps {

    /** A slot is at most this wide and high, in points: a few digits at the size of the text around them. */
    static final float MAX_WIDTH = 72;

    static final float MAX_HEIGHT = 36;

    /** A slot stands in the top part of the page, where the header's number and date lines are. */
    static final float HEADER_BAND = 0.35f;

    /** A stamp's picture of more pixels than this is no stamp of a few digits (r12's are 42 × 47), and is not decoded. */
    static final long MAX_PIXELS = 250_000;

    /** The height the digits are drawn at for Tesseract, and the white margin around them (pixels). */
    private static final int DIGITS_HEIGHT = 64;

    private static final int MARGIN = 16;

    /** How deep forms nest in an appearance before its picture is reached (the systems seen use two levels). */
    private static final int MAX_DEPTH = 4;

    private PictureStamps() {}

    /** A stamp's picture, ready for Tesseract, and whether it stands in the left half of the page. */
    record Stamp(boolean left, float x, BufferedImage picture) {}

    /**
     * The pictures stamped into the header band of {@code page}: the leftmost one in the left half (the number) and the
     * two leftmost in the right half (the day, then the month), left to right; empty when none is there. Only
     * annotations a reader sees count ({@link SeenAnnotations}, at most 32), each picture small, packed losslessly
     * (a JPEG's own header may declare more than its /Width and /Height) and within the content budget.
     */
    static List<Stamp> on(PDDocument document, PDPage page) throws IOException {
        PDRectangle box = page.getCropBox();
        List<Slot> slots = new ArrayList<>();
        for (PDAnnotation annotation : SeenAnnotations.on(document, page)) {
            PDRectangle slot = annotation.getRectangle();
            PDAppearanceStream appearance = annotation.getNormalAppearanceStream();
            if (slot == null
                    || appearance == null
                    || !(slot.getWidth() > 0)
                    || !(slot.getHeight() > 0)
                    || slot.getWidth() > MAX_WIDTH
                    || slot.getHeight() > MAX_HEIGHT
                    || slot.getLowerLeftY() < box.getUpperRightY() - HEADER_BAND * box.getHeight()) {
                continue;
            }
            float middle = slot.getLowerLeftX() + slot.getWidth() / 2;
            slots.add(new Slot(middle < box.getLowerLeftX() + box.getWidth() / 2, slot.getLowerLeftX(), appearance));
        }
        slots.sort(Comparator.comparingDouble(Slot::x));
        List<Stamp> stamps = new ArrayList<>();
        int left = 0;
        int right = 0;
        for (Slot slot : slots) {
            if (slot.left() ? left >= 1 : right >= 2) {
                continue;
            }
            PDImageXObject image = picture(slot.appearance().getResources());
            if (image == null || !fitsAStamp(image)) {
                continue;
            }
            PdfContentBudget.image(image);
            BufferedImage picture = Jbig2Decodes.oneAtATime(image, image::getImage);
            if (picture == null) {
                continue;
            }
            stamps.add(new Stamp(slot.left(), slot.x(), onWhite(picture)));
            if (slot.left()) {
                left++;
            } else {
                right++;
            }
        }
        return stamps;
    }

    /** A slot of the header band: which half it stands in, its left edge, what it draws. */
    private record Slot(boolean left, float x, PDAppearanceStream appearance) {}

    /** The most pictures and forms looked at in one appearance: a stamp draws one picture in a form or two. */
    static final int MAX_LOOKED_AT = 64;

    /** The most times wider than high a stamp's picture is: a few digits, not a strip. */
    static final int MAX_ASPECT = 12;

    /**
     * Whether a picture can be a stamp of a few digits: at most {@link #MAX_PIXELS}, at most {@link #MAX_ASPECT} times
     * wider than high (nor higher than wide), and not a JPEG or JPEG 2000, whose own header is not checked.
     */
    private static boolean fitsAStamp(PDImageXObject image) {
        long width = image.getWidth();
        long height = image.getHeight();
        if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
            return false;
        }
        if (width > MAX_ASPECT * height || height > MAX_ASPECT * width) {
            return false;
        }
        List<COSName> codecs = List.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION, COSName.JPX_DECODE);
        COSBase filters = image.getCOSObject().getFilters();
        if (filters instanceof COSName name) {
            return !codecs.contains(name);
        }
        if (filters instanceof COSArray array) {
            for (COSBase filter : array) {
                if (filter instanceof COSName name && codecs.contains(name)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The largest picture an appearance draws, in its forms too; {@code null} when it draws none. Each form is looked
     * into once however often it is named (a form naming itself many times would otherwise be walked exponentially),
     * at most {@link #MAX_DEPTH} deep and {@link #MAX_LOOKED_AT} objects in all.
     */
    private static PDImageXObject picture(PDResources resources) throws IOException {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int[] looked = {0};
        return picture(resources, 0, seen, looked);
    }

    private static PDImageXObject picture(PDResources resources, int depth, Set<COSBase> seen, int[] looked)
            throws IOException {
        if (resources == null || depth > MAX_DEPTH) {
            return null;
        }
        PDImageXObject largest = null;
        for (COSName name : resources.getXObjectNames()) {
            if (++looked[0] > MAX_LOOKED_AT) {
                break;
            }
            PDXObject object = resources.getXObject(name);
            if (object == null || !seen.add(object.getCOSObject())) {
                continue;
            }
            PDImageXObject image = object instanceof PDImageXObject direct
                    ? direct
                    : object instanceof PDFormXObject form
                            ? picture(form.getResources(), depth + 1, seen, looked)
                            : null;
            if (image != null
                    && (largest == null
                            || (long) image.getWidth() * image.getHeight()
                                    > (long) largest.getWidth() * largest.getHeight())) {
                largest = image;
            }
        }
        return largest;
    }

    /** The digits drawn in gray on white, at a height Tesseract reads well, with a margin: a mask's clear is white. */
    private static BufferedImage onWhite(BufferedImage source) {
        double scale = (double) DIGITS_HEIGHT / Math.max(1, source.getHeight());
        // Bounded by the picture's shape (at most MAX_ASPECT times wider than high): at most 768 pixels wide.
        int width = Math.max(1, Math.min(MAX_ASPECT * DIGITS_HEIGHT, (int) Math.round(source.getWidth() * scale)));
        BufferedImage page =
                new BufferedImage(width + 2 * MARGIN, DIGITS_HEIGHT + 2 * MARGIN, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = page.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, page.getWidth(), page.getHeight());
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.drawImage(source, MARGIN, MARGIN, width, DIGITS_HEIGHT, null);
        } finally {
            graphics.dispose();
        }
        return page;
    }

    /** One to five digits, as a stamp of a number or a day holds. */
    private static final Pattern DIGITS = Pattern.compile("^\\s*(\\d{1,5})\\s*$");

    /** The digits Tesseract read, or {@code null} when it read anything else. */
    static Integer digits(String read) {
        Matcher m = DIGITS.matcher(read == null ? "" : read);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The month and the year printed on a date line whose day (and perhaps month) was left blank. */
    record BlankDate(int month, int year) {}

    /**
     * A date line with its day left blank, to the line's end: "ngày" at the line's start or after the place's comma,
     * the month printed or blank, the year printed last ("Hà Nội, ngày      tháng 8 năm 2025", also after the number's
     * column on a flattened line). A sentence of the body that says "những ngày tháng 5 năm 2025" has no comma before
     * "ngày".
     */
    private static final Pattern BLANK_DATE_LINE = Pattern.compile(
            "(?:^|,\\s*)ng[àảáaạ]?y[\\s.…_]*th[áàảaạ]?ng[\\s.…_]*(\\d{1,2})?[\\s.…_]*n[ăaâ]?m"
                    + "[\\s.…_]*(\\d{4})\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** How many lines of the text's start the header's date line is looked for in. */
    private static final int HEADER_LINES = 40;

    /** The years a document of the portal is dated in. */
    private static final int FIRST_YEAR = 1945;

    private static final int LAST_YEAR = 2100;

    /** The header's date line with a blank day, among the text's first lines, or {@code null}. */
    static BlankDate blankDate(String text) {
        for (String line : text.lines().limit(HEADER_LINES).toList()) {
            Matcher m = BLANK_DATE_LINE.matcher(line.strip());
            if (m.find()) {
                int year = Integer.parseInt(m.group(2));
                if (year < FIRST_YEAR || year > LAST_YEAR) {
                    return null;
                }
                return new BlankDate(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)), year);
            }
        }
        return null;
    }

    /**
     * The reading with the stamps' digits in its blanks: the number from the first stamp on the left when the reading
     * has a notation but no number; the day from the first stamp on the right, and the month from the next when the
     * line left it blank too, when the reading has no date but the text a date line with a blank day. A stamp that
     * read as anything but digits, or a day that makes no date, fills nothing.
     */
    static Extraction filled(Extraction reading, BlankDate blank, List<Integer> left, List<Integer> right) {
        Integer number = null;
        if (reading.number() == null && reading.notation() != null && !left.isEmpty() && left.get(0) != null) {
            number = left.get(0);
        }
        LocalDate date = null;
        if (reading.issuedOn() == null && blank != null && !right.isEmpty() && right.get(0) != null) {
            int month = blank.month();
            if (month == 0 && right.size() > 1 && right.get(1) != null) {
                month = right.get(1);
            }
            try {
                date = month == 0 ? null : LocalDate.of(blank.year(), month, right.get(0));
            } catch (DateTimeException noSuchDay) {
                date = null;
            }
        }
        return number == null && date == null ? reading : reading.withStamped(number, date, CONFIDENCE);
    }

    /** A number or a day read from a picture: under {@link Extraction#SURE}, so that the clerk looks at it. */
    static final double CONFIDENCE = 0.75;
}
