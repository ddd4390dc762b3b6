package vn.congvan.attachment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import vn.congvan.attachment.AttachmentRejectedException.Reason;

/**
 * The directories of a TIFF, read before an image reader opens the file. The JDK's reader reads every value a
 * directory names, four bytes a system call, whatever names it: a directory of 2,000 entries each naming the same
 * 4 MB of strip offsets kept a request thread busy past two minutes on a 4 MB file (a directory may hold 65,535
 * entries), and a chain of directories looping back is read again up to the hundred pages OCR looks at. A TIFF writer
 * gives each tag of a directory once and stores each directory's values side by side, so the directories a reader
 * walks name at most the file's bytes; this allows twice that, and refuses a file naming more as damaged.
 */
final class TiffDirectories {

    /** The most directories (pages) any reader here walks: OCR's count of pages stops there. */
    static final int MAX_DIRECTORIES = 100;

    /** How many times over the walked directories may name the file's bytes. */
    static final long MAX_NAMED_PER_BYTE = 2;

    private TiffDirectories() {}

    /** @throws AttachmentRejectedException (corrupt) when the directories cannot be TIFF's or name too much */
    static void requireBounded(Path file, String filename) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!bounded(channel)) {
                throw new AttachmentRejectedException(filename, Reason.CORRUPT);
            }
        } catch (IOException ex) {
            throw new AttachmentRejectedException(filename, Reason.CORRUPT);
        }
    }

    /** Whether the file is a classic TIFF whose walked directories are well formed and name at most their bound. */
    static boolean bounded(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer header = read(channel, 0, 8);
        if (header == null) {
            return false;
        }
        if (header.get(0) == 'I' && header.get(1) == 'I') {
            header.order(ByteOrder.LITTLE_ENDIAN);
        } else if (header.get(0) != 'M' || header.get(1) != 'M') {
            return false;
        }
        ByteOrder order = header.order();
        if (header.getShort(2) != 42) {
            // BigTIFF (43), which the JDK's reader does not read either.
            return false;
        }
        long next = Integer.toUnsignedLong(header.getInt(4));
        long named = 0;
        for (int walked = 0; walked < MAX_DIRECTORIES && next != 0; walked++) {
            java.util.ArrayDeque<Long> directories = new java.util.ArrayDeque<>(List.of(next));
            next = 0;
            boolean page = true;
            int read = 0;
            while (!directories.isEmpty() && read++ <= SUBDIRECTORIES.size()) {
                long directory = directories.pop();
                ByteBuffer count = read(channel, directory, 2);
                ByteBuffer table = count == null
                        ? null
                        : read(
                                channel,
                                directory + 2,
                                Short.toUnsignedInt(count.order(order).getShort(0)) * 12 + 4);
                if (table == null) {
                    // The first page must be there; a later one or an Exif directory out of the file is not read.
                    if (walked == 0 && page) {
                        return false;
                    }
                    page = false;
                    continue;
                }
                int entries = Short.toUnsignedInt(count.getShort(0));
                table.order(order);
                for (int i = 0; i < entries; i++) {
                    int tag = Short.toUnsignedInt(table.getShort(12 * i));
                    long values = Integer.toUnsignedLong(table.getInt(12 * i + 4));
                    named += values * valueSize(Short.toUnsignedInt(table.getShort(12 * i + 2)));
                    if (named > MAX_NAMED_PER_BYTE * size) {
                        return false;
                    }
                    // The Exif, GPS and interoperability directories of a page, read with its metadata.
                    if (SUBDIRECTORIES.contains(tag) && values == 1) {
                        directories.push(Integer.toUnsignedLong(table.getInt(12 * i + 8)));
                    }
                }
                if (page) {
                    next = Integer.toUnsignedLong(table.getInt(entries * 12));
                    page = false;
                }
            }
        }
        return true;
    }

    /** Tags whose value is the offset of another directory of the same page: Exif, GPS, interoperability. */
    private static final Set<Integer> SUBDIRECTORIES = Set.of(34665, 34853, 40965);

    /** The bytes of one value of a TIFF field type; 1 for a type the reader does not know (it skips those). */
    private static int valueSize(int type) {
        return switch (type) {
            case 3, 8 -> 2; // SHORT, SSHORT
            case 4, 9, 11, 13 -> 4; // LONG, SLONG, FLOAT, IFD
            case 5, 10, 12 -> 8; // RATIONAL, SRATIONAL, DOUBLE
            default -> 1; // BYTE, ASCII, SBYTE, UNDEFINED
        };
    }

    /** {@code length} bytes at {@code position}, or null when the file ends before them. */
    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || position + length > channel.size()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer;
    }
}
