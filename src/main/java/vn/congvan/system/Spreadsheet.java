package vn.congvan.system;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.MediaType;

/**
 * A register or a ledger written as one .xlsx sheet: a title row, a header row, then one row per entry, streamed
 * (only a window of rows is held in memory, the rest spills to a temporary file that {@link #close()} deletes).
 * Dates are real date cells (dd/MM/yyyy), moments are shown in Vietnam's time, numbers stay numbers, so a
 * Vietnamese-locale Excel sorts and filters them; a CSV would open there as one column.
 */
public final class Spreadsheet implements AutoCloseable {

    public static final MediaType MEDIA_TYPE =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final int ROWS_IN_MEMORY = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);

    private final Sheet sheet;

    private final OutputStream out;

    private final CellStyle dateStyle;

    private final CellStyle momentStyle;

    private final CellStyle wrapStyle;

    private final CellStyle numberStyle;

    private final int columns;

    private int next;

    private Spreadsheet(OutputStream out, String sheetName, String title, List<String> headers) {
        this.out = Objects.requireNonNull(out);
        this.columns = headers.size();
        this.sheet = workbook.createSheet(safeSheetName(sheetName));
        ((SXSSFSheet) sheet).trackAllColumnsForAutoSizing();
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle titleStyle = workbook.createCellStyle();
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 13);
        titleStyle.setFont(titleFont);
        CellStyle headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setWrapText(true);
        short dateFormat = workbook.createDataFormat().getFormat("dd/mm/yyyy");
        short momentFormat = workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm");
        // A long subject wraps within its column rather than being cut at the next cell, on screen and on paper; the
        // other cells of its row keep to the top beside it.
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(dateFormat);
        dateStyle.setVerticalAlignment(VerticalAlignment.TOP);
        momentStyle = workbook.createCellStyle();
        momentStyle.setDataFormat(momentFormat);
        momentStyle.setVerticalAlignment(VerticalAlignment.TOP);
        wrapStyle = workbook.createCellStyle();
        wrapStyle.setWrapText(true);
        wrapStyle.setVerticalAlignment(VerticalAlignment.TOP);
        numberStyle = workbook.createCellStyle();
        numberStyle.setVerticalAlignment(VerticalAlignment.TOP);
        if (title != null && !title.isBlank()) {
            Cell cell = sheet.createRow(next++).createCell(0);
            cell.setCellValue(title);
            cell.setCellStyle(titleStyle);
            next++;
        }
        Row header = sheet.createRow(next++);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, next);
        // Printed from Excel as the registers print from the portal: A4 landscape, every column on the page's width,
        // the header row again at the top of each page.
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(next - 1, next - 1, -1, -1));
    }

    /**
     * Starts a workbook of one sheet written to {@code out} when closed.
     *
     * @param title a line above the header ("Sổ văn bản đi năm 2025 — Ban Tuyên giáo Quận ủy Quận 1"), or null
     */
    public static Spreadsheet open(OutputStream out, String sheetName, String title, List<String> headers) {
        return new Spreadsheet(out, sheetName, title, List.copyOf(headers));
    }

    /**
     * One entry. A cell may be null (empty), a {@link CharSequence}, a {@link Number}, a {@link LocalDate}, a
     * {@link LocalDateTime} or an {@link Instant} (shown in Vietnam's time); anything else is written as its text.
     */
    public Spreadsheet row(Object... cells) {
        if (cells.length > columns) {
            throw new IllegalArgumentException("A row has " + cells.length + " cells for " + columns + " columns");
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(numberStyle);
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof LocalDateTime moment) {
                cell.setCellValue(moment);
                cell.setCellStyle(momentStyle);
            } else if (value instanceof Instant instant) {
                cell.setCellValue(LocalDateTime.ofInstant(instant, Times.VIETNAM));
                cell.setCellStyle(momentStyle);
            } else {
                cell.setCellValue(value.toString());
                cell.setCellStyle(wrapStyle);
            }
        }
        return this;
    }

    /** Writes the workbook to the stream (which stays open) and deletes the temporary rows. */
    @Override
    public void close() throws IOException {
        try {
            for (int i = 0; i < columns; i++) {
                sheet.autoSizeColumn(i);
                // Keep long subjects readable without a sheet a screen wide.
                sheet.setColumnWidth(i, Math.min(sheet.getColumnWidth(i), 60 * 256));
            }
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }

    private static String safeSheetName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[\\\\/?*\\[\\]:]", "-");
        if (cleaned.isBlank()) {
            cleaned = "Sheet1";
        }
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
