package vn.congvan.extraction;

/**
 * A file of a type the portal accepts as an attachment but whose text cannot be read here: an image or a scan needs
 * OCR, a Word 97-2003 or Excel file has no reader on the classpath.
 */
public class UnreadableFileException extends RuntimeException {

    private final String filename;

    private final String contentType;

    public UnreadableFileException(String filename, String contentType) {
        super("No text reader for " + contentType + " (" + filename + ")");
        this.filename = filename;
        this.contentType = contentType;
    }

    public String filename() {
        return filename;
    }

    public boolean image() {
        return contentType.startsWith("image/");
    }

    /** The message of the extraction bundle that tells the clerk why, with the file name as its argument. */
    public String messageKey() {
        return image() ? "extraction.problem.image" : "extraction.problem.unreadable";
    }
}
