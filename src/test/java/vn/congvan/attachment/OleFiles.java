package vn.congvan.attachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Test data: OLE2 compound files. {@link #wordDocument()} is a container with a "WordDocument" stream that starts
 * with a File Information Block header (wIdent 0xA5EC, nFib of Word 97) and a text stream: what the upload rules
 * check, not a file with text in it. {@link #wordDocumentWithText} is a Word 97 file with text ([MS-DOC]: a FIB, a
 * DOP, and a piece table naming the text in UTF-16), written here because HWPF cannot write a document from nothing.
 * The Excel workbook is real (HSSF is in POI itself).
 */
public final class OleFiles {

    private OleFiles() {}

    /** A container that passes for a Word 97-2003 document. */
    public static byte[] wordDocument() {
        return container(false, false);
    }

    /** The same with the FIB's fEncrypted bit set. */
    public static byte[] encryptedWordDocument() {
        return container(true, false);
    }

    /** The same with a VBA project (the storage "Macros"). */
    public static byte[] wordDocumentWithMacros() {
        return container(false, true);
    }

    /**
     * A Word 97-2003 document whose main text is {@code text}, Word's marks included: "\r" ends a paragraph,
     * "\u0007" a table cell, "\u0013 code \u0014 result \u0015" is a field. {@code padding} bytes follow the text
     * in the "WordDocument" stream (a large stream without a large text).
     */
    public static byte[] wordDocumentWithText(String text, int padding) {
        return wordDocument(text, padding, 1, 0, 0, 0);
    }

    /**
     * A hostile Word 97 document: its piece table names the stream's one copy of {@code text} {@code pieces} times
     * over (Word's pieces never overlap).
     */
    public static byte[] wordDocumentWithRepeatedPieces(String text, int pieces) {
        return wordDocument(text, 0, pieces, 0, 0, 0);
    }

    /**
     * A hostile Word 97 document: its table stream is {@code tableSize} bytes and every structure of the FIB that HWPF
     * keeps unread names all of it.
     */
    public static byte[] wordDocumentWithStructuresOverTheTable(String text, int tableSize) {
        return wordDocument(text, 0, 1, tableSize, 0, 0);
    }

    /**
     * A hostile Word 97 document: its character formatting table names one page of runs {@code times} times (Word
     * names each page once).
     */
    public static byte[] wordDocumentWithRepeatedFormattingPage(String text, int times) {
        return wordDocument(text, 0, 1, 0, times, 0);
    }

    /**
     * A hostile Word 97 document: its section table names one list of section properties of 32 KB {@code times}
     * times (Word gives each section its own).
     */
    public static byte[] wordDocumentWithRepeatedSectionProperties(String text, int times) {
        return wordDocument(text, 0, 1, 0, 0, times);
    }

    /**
     * A hostile Word 97 document: {@code pages} pages of character runs, each named once, whose hundred runs all lie
     * over the same short text (Word's runs lie one after the other).
     */
    public static byte[] wordDocumentWithRunsOverEachOther(String text, int pages) {
        int chars = text.length();
        int textAt = (2 + pages) * 512;
        ByteBuffer word = ByteBuffer.allocate(textAt + 2 * chars).order(ByteOrder.LITTLE_ENDIAN);
        fib(word, chars);
        word.put(textAt, text.getBytes(StandardCharsets.UTF_16LE));
        int clxAt = 1024;
        int binsAt = clxAt + 21;
        int binsSize = (pages + 1) * 4 + pages * 4;
        word.putInt(154 + 33 * 8, clxAt);
        word.putInt(154 + 33 * 8 + 4, 21);
        word.putInt(154 + 12 * 8, binsAt);
        word.putInt(154 + 12 * 8 + 4, binsSize);
        ByteBuffer table = ByteBuffer.allocate(binsAt + binsSize).order(ByteOrder.LITTLE_ENDIAN);
        table.put(clxAt, (byte) 0x02);
        table.putInt(clxAt + 1, 16);
        table.putInt(clxAt + 9, chars);
        table.putInt(clxAt + 15, textAt);
        for (int page = 0; page < pages; page++) {
            int at = (2 + page) * 512;
            for (int i = 0; i <= 101; i++) {
                word.putInt(at + 4 * i, textAt + 2 * ((i + page) % chars));
            }
            word.put(at + 511, (byte) 101);
            table.putInt(binsAt + 4 * (pages + 1) + 4 * page, 2 + page);
        }
        for (int i = 0; i <= pages; i++) {
            table.putInt(binsAt + 4 * i, textAt);
        }
        return ole(word, table);
    }

    /** A FIB of Word 97 at the start of the stream: the fields HWPF needs, a DOP of zeros, no structure yet. */
    private static void fib(ByteBuffer word, int characters) {
        word.putShort(0, (short) 0xA5EC);
        word.putShort(2, (short) 0x00C1);
        word.putShort(0x0A, (short) 0x0200);
        word.putShort(0x0C, (short) 0x00BF);
        word.putShort(32, (short) 14);
        word.putShort(62, (short) 22);
        word.putInt(64, word.capacity());
        word.putInt(76, characters);
        word.putShort(152, (short) 93);
        word.putInt(154 + 31 * 8 + 4, 500);
    }

    private static byte[] ole(ByteBuffer word, ByteBuffer table) {
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(word.array()), "WordDocument");
            fs.createDocument(new ByteArrayInputStream(table.array()), "1Table");
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Structures of the FIB that HWPF reads itself (the others it copies as they are). */
    private static final java.util.Set<Integer> READ_BY_HWPF =
            java.util.Set.of(1, 6, 12, 13, 15, 21, 22, 23, 31, 33, 51, 73, 74);

    private static byte[] wordDocument(
            String text, int padding, int pieces, int structuresTable, int pageTimes, int sectionTimes) {
        byte[] characters = text.getBytes(StandardCharsets.UTF_16LE);
        int textAt = 1536;
        int sepxAt = textAt + characters.length + padding;
        int sepxSize = Short.MAX_VALUE - 1;
        ByteBuffer word = ByteBuffer.allocate(sepxAt + (sectionTimes > 0 ? 2 + sepxSize : 0))
                .order(ByteOrder.LITTLE_ENDIAN);
        word.putShort(0, (short) 0xA5EC); // wIdent
        word.putShort(2, (short) 0x00C1); // nFib: Word 97
        word.putShort(0x0A, (short) 0x0200); // fWhichTblStm: the table stream is "1Table"
        word.putShort(0x0C, (short) 0x00BF); // nFibBack
        word.putShort(32, (short) 14); // csw
        word.putShort(62, (short) 22); // cslw
        word.putInt(64, word.capacity()); // cbMac
        word.putInt(76, text.length() * pieces); // ccpText: the main text, in characters
        word.putShort(152, (short) 93); // cbRgFcLcb of Word 97
        int tableOfDop = 0;
        int clxAt = 1024;
        int clxSize = 1 + 4 + (pieces + 1) * 4 + pieces * 8;
        word.putInt(154 + 31 * 8, tableOfDop); // fcDop, lcbDop: a DOP of zeros
        word.putInt(154 + 31 * 8 + 4, 500);
        word.putInt(154 + 33 * 8, clxAt); // fcClx, lcbClx: the piece table
        word.putInt(154 + 33 * 8 + 4, clxSize);
        word.put(textAt, characters);
        int binsAt = clxAt + clxSize;
        int binsSize = pageTimes == 0 ? 0 : (pageTimes + 1) * 4 + pageTimes * 4;
        int sedAt = binsAt + binsSize;
        int sedSize = sectionTimes == 0 ? 0 : (sectionTimes + 1) * 4 + sectionTimes * 12;
        ByteBuffer table =
                ByteBuffer.allocate(Math.max(structuresTable, sedAt + sedSize)).order(ByteOrder.LITTLE_ENDIAN);
        if (sectionTimes > 0) {
            // Section properties of 32 KB (sprmSFBiDi again and again) after the text, named by every section.
            word.putShort(sepxAt, (short) sepxSize);
            for (int i = 0; i + 3 <= sepxSize; i += 3) {
                word.putShort(sepxAt + 2 + i, (short) 0x3228);
                word.put(sepxAt + 4 + i, (byte) 1);
            }
            word.putInt(154 + 6 * 8, sedAt); // fcPlcfSed, lcbPlcfSed
            word.putInt(154 + 6 * 8 + 4, sedSize);
            for (int i = 0; i < sectionTimes; i++) {
                table.putInt(sedAt + 4 * (i + 1), text.length());
                table.putInt(sedAt + 4 * (sectionTimes + 1) + 12 * i + 2, sepxAt);
            }
        }
        table.put(clxAt, (byte) 0x02); // Pcdt
        table.putInt(clxAt + 1, clxSize - 5); // lcb of the PlcPcd: the CPs, then the PCDs
        for (int i = 0; i <= pieces; i++) {
            table.putInt(clxAt + 5 + 4 * i, i * text.length());
        }
        for (int i = 0; i < pieces; i++) {
            // The piece's fc: UTF-16 text (the "compressed" bit clear).
            table.putInt(clxAt + 5 + 4 * (pieces + 1) + 8 * i + 2, textAt);
        }
        if (structuresTable > 0) {
            for (int i = 0; i < 93; i++) {
                if (!READ_BY_HWPF.contains(i)) {
                    word.putInt(154 + i * 8, 0);
                    word.putInt(154 + i * 8 + 4, structuresTable);
                }
            }
        }
        if (pageTimes > 0) {
            // A page of character runs (CHPX FKP) at sector 2, before the text: as many runs as it holds (101), one
            // a character, without properties.
            int runs = Math.min(101, text.length());
            for (int i = 0; i <= runs; i++) {
                word.putInt(1024 + 4 * i, textAt + 2 * i);
            }
            word.put(1024 + 511, (byte) runs);
            word.putInt(154 + 12 * 8, binsAt); // fcPlcfBteChpx, lcbPlcfBteChpx
            word.putInt(154 + 12 * 8 + 4, binsSize);
            for (int i = 0; i <= pageTimes; i++) {
                table.putInt(binsAt + 4 * i, textAt);
            }
            for (int i = 0; i < pageTimes; i++) {
                table.putInt(binsAt + 4 * (pageTimes + 1) + 4 * i, 2);
            }
        }
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(word.array()), "WordDocument");
            fs.createDocument(new ByteArrayInputStream(table.array()), "1Table");
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A real Excel 97-2003 workbook (its stream is "Workbook"). */
    public static byte[] excelWorkbook() {
        try (HSSFWorkbook workbook = new HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Số liệu").createRow(0).createCell(0).setCellValue("Bảng tính");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** An OLE2 file with a stream "WordDocument" that does not start with a File Information Block. */
    public static byte[] oleWithoutFib() {
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[64]), "WordDocument");
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] container(boolean encrypted, boolean macros) {
        ByteBuffer fib = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        fib.putShort(0, (short) 0xA5EC);
        fib.putShort(2, (short) 0x00C1);
        fib.putShort(0x0A, (short) (0x0200 | (encrypted ? 0x0100 : 0)));
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(fib.array()), "WordDocument");
            fs.createDocument(
                    new ByteArrayInputStream("Đề cương tuyên truyền".getBytes(StandardCharsets.UTF_16LE)), "1Table");
            if (macros) {
                fs.getRoot()
                        .createDirectory("Macros")
                        .createDocument(
                                "PROJECT", new ByteArrayInputStream("ID=\"{0}\"".getBytes(StandardCharsets.US_ASCII)));
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
