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
 * Test data: OLE2 compound files. POI's HWPF (which writes real Word 97-2003 files) is in poi-scratchpad, not on the
 * classpath, so the Word document here is a container with a "WordDocument" stream that starts with a File
 * Information Block header (wIdent 0xA5EC, nFib of Word 97) and a text stream: what the portal checks, not a file
 * Word would open with text in it. The Excel workbook is real (HSSF is in POI itself).
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
