package vn.congvan.attachment;

import java.io.IOException;

/** Content went past the size limit while it was being received; nothing of it is kept. */
class FileTooLargeException extends IOException {

    private final long limit;

    public FileTooLargeException(long limit) {
        super("File exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
