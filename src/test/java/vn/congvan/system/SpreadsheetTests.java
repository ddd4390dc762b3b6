package vn.congvan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetTests {

    @Test
    void writesTitleHeaderAndTypedCellsInVietnamTime() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Spreadsheet sheet = Spreadsheet.open(
                out, "Sổ văn bản đi/2025", "Sổ văn bản đi năm 2025", List.of("Số", "Ngày", "Trích yếu", "Lúc"))) {
            sheet.row(65, LocalDate.of(2023, 7, 12), "Về việc gửi tài liệu", Instant.parse("2023-07-11T23:30:00Z"));
            sheet.row(66, null, "Đảng ủy phường Bến Nghé");
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Sổ văn bản đi-2025");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Sổ văn bản đi năm 2025");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Trích yếu");
            assertThat(sheet.getRow(3).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(65);
            assertThat(sheet.getRow(3).getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2023, 7, 12, 0, 0));
            assertThat(new DataFormatter().formatCellValue(sheet.getRow(3).getCell(1)))
                    .isEqualTo("12/07/2023");
            // 23:30 UTC on the 11th is 06:30 on the 12th in Vietnam.
            assertThat(sheet.getRow(3).getCell(3).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2023, 7, 12, 6, 30));
            assertThat(sheet.getRow(4).getCell(1)).isNull();
            assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Đảng ủy phường Bến Nghé");
        }
    }

    /** A register printed from Excel is read on paper: nothing cut, every column on an A4 landscape page. */
    @Test
    void printsOnA4LandscapeWithTheHeaderOnEveryPageAndLongTextWrapped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Spreadsheet sheet = Spreadsheet.open(
                out, "Sổ văn bản đến", "Sổ văn bản đến năm 2023", List.of("Số đến", "Ngày đến", "Trích yếu"))) {
            sheet.row(
                    1,
                    LocalDate.of(2023, 7, 10),
                    "Về việc gửi tài liệu “Thông báo nhanh kết quả Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 21"
                            + " (khóa XI)”");
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            // The header is the third row (index 2), after the title and an empty row.
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(2);
            assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(2);
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getVerticalAlignment())
                    .isEqualTo(VerticalAlignment.TOP);
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getVerticalAlignment())
                    .isEqualTo(VerticalAlignment.TOP);
        }
    }

    @Test
    void refusesARowWiderThanTheHeader() throws Exception {
        try (Spreadsheet sheet = Spreadsheet.open(new ByteArrayOutputStream(), "x", null, List.of("a"))) {
            assertThatThrownBy(() -> sheet.row(1, 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
