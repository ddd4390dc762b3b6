package vn.congvan.extraction;

/**
 * A file of a type the portal accepts as an attachment but whose text cannot be read here: an image or a scan needs
 * OCR, an Excel file has no reader here.
 */
public class UnreadableFileException extends RuntimeException {

    private final String filename;

    private final String contentType;

    private final boolean damaged;

    public UnreadableFileException(String filename, String contentType) {
        super("No text reader for " + contentType + " (" + filename + ")");
        this.filename = filename;
        this.contentType = contentType;
        this.damaged = false;
    }

    /** A file of a readable type whose reader failed inside it: a damaged file. */
    public UnreadableFileException(String filename, String contentType, Throwable cause) {
        super("Damaged " + contentType + " (" + filename + ")", cause);
        this.filename = filename;
        this.contentType = contentType;
        this.damaged = true;
    }

    /** Whether the file's type has a reader but the file itself could not be read through. */
    public boolean damaged() {
        return damaged;
    }

    public String filename() {
        return filename;
    }

    public boolean image() {
        return contentType.startsWith("image/");
    }

    /** The message of the extraction bundle that tells the clerk why, with the file name as its argument. */
    public String messageKey() {
        if (damaged) {
            return "extraction.problem.damaged";
        }
        return image() ? "extraction.problem.image" : "extraction.problem.unreadable";
    }
}
