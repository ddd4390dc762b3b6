package vn.congvan.attachment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/** Learns what a staged file really is from its bytes, never from its name or the client's word. */
@Component
class ContentInspector {

    static final String PDF = "application/pdf";

    private final Tika tika = new Tika();

    String detectType(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return tika.detect(in);
        }
    }

    /** Pages of a PDF, read from the file with a file-backed cache so a large PDF is not pulled into memory. */
    int pageCount(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            return document.getNumberOfPages();
        }
    }
}
