package vn.congvan.extraction;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The XML of an uploaded document as the parser reads it, refused as damaged where it holds what no word processor
 * writes and what would make the parser's memory or time grow without bound. The JDK's parser keeps a whole tag (with
 * its attributes), comment, processing instruction, CDATA section or DOCTYPE in memory before it answers: a 3 MB DOCX
 * whose document.xml holds one comment of 250 MB ran a 512 MB portal out of heap, and the error killed its connection
 * thread. It also checks each namespace declared on an element against all declared before on it: 400 000 of them (a
 * 2 MB DOCX) kept a request busy a minute. Text between tags is handed out in pieces and is not bounded here.
 *
 * <p>Refused: a DOCTYPE (Word and LibreOffice write none, and without a DTD nothing in it is used), a tag, comment,
 * processing instruction or CDATA section longer than {@link #MAX_MARKUP} bytes, a tag with more than {@link
 * #MAX_ATTRIBUTES} attributes and namespace declarations. Markup characters are ASCII, so the bytes of UTF-8 are
 * scanned as they are.
 */
final class MarkupLimits extends FilterInputStream {

    /** Far above a real tag: Word's longest are a text box's drawing ({@code o:gfxdata}), a few tens of kilobytes. */
    static final int MAX_MARKUP = 1 << 20;

    /** Word's root element declares about forty namespaces; its other elements carry a few attributes each. */
    static final int MAX_ATTRIBUTES = 1000;

    private enum State {
        TEXT,
        OPENED,
        BANG,
        BANG_DASH,
        COMMENT,
        CDATA,
        INSTRUCTION,
        TAG,
        QUOTED
    }

    private State state = State.TEXT;

    /** Bytes of the markup being read, from its '<'. */
    private long length;

    private int attributes;

    private int quote;

    /** The two bytes before this one, to see "-->", "]]>" and "?>" end. */
    private int previous;

    private int beforePrevious;

    MarkupLimits(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int read = super.read();
        if (read != -1) {
            scan(read);
        }
        return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = 0; i < read; i++) {
            scan(buffer[offset + i] & 0xff);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would go unscanned; the parser never skips.
        throw new IOException("skip is not supported");
    }

    private void scan(int b) throws IOException {
        if (state == State.TEXT) {
            if (b == '<') {
                state = State.OPENED;
                length = 1;
                attributes = 0;
                previous = 0;
                beforePrevious = 0;
            }
            return;
        }
        if (++length > MAX_MARKUP) {
            throw new IOException("A markup of the XML is longer than " + MAX_MARKUP + " bytes");
        }
        switch (state) {
            case OPENED ->
                state = switch (b) {
                    case '!' -> State.BANG;
                    case '?' -> State.INSTRUCTION;
                    default -> tag(b);
                };
            case BANG -> {
                if (b == '-') {
                    state = State.BANG_DASH;
                } else if (b == '[') {
                    state = State.CDATA;
                } else {
                    throw new IOException("The XML has a DOCTYPE");
                }
            }
            case BANG_DASH -> state = State.COMMENT;
            case COMMENT -> ends(b, '-', '-');
            case CDATA -> ends(b, ']', ']');
            case INSTRUCTION -> {
                if (b == '>' && previous == '?') {
                    state = State.TEXT;
                }
            }
            case TAG -> state = tag(b);
            case QUOTED -> {
                if (b == quote) {
                    state = State.TAG;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
        beforePrevious = previous;
        previous = b;
    }

    private State tag(int b) throws IOException {
        return switch (b) {
            case '>' -> State.TEXT;
            case '"', '\'' -> {
                quote = b;
                yield State.QUOTED;
            }
            case '=' -> {
                if (++attributes > MAX_ATTRIBUTES) {
                    throw new IOException("An element of the XML has more than " + MAX_ATTRIBUTES + " attributes");
                }
                yield State.TAG;
            }
            default -> State.TAG;
        };
    }

    /** A comment's or a CDATA section's end: the two bytes before a '>'. */
    private void ends(int b, int first, int second) {
        if (b == '>' && previous == second && beforePrevious == first) {
            state = State.TEXT;
        }
    }
}
