package vn.congvan.edxml;

import java.util.Map;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.FileNames;

/**
 * What an attachment is (a Thông báo nhanh, a Phụ lục, ...) carried in its QCVN 102 Description, which has no field
 * for it: "Thông báo nhanh: Kết quả hội nghị". The document itself keeps its bare title, as other systems write it,
 * unless that title starts like a kind's prefix ("Phụ lục: ..."), which is then marked "Văn bản: " so that it reads back
 * as a document. Every kind and title thus survives a round trip; a message of another system whose Description starts
 * with a kind's name and a colon is read the same way, any other Description is the document's title.
 */
final class AttachmentDescriptions {

    /** The wire's words, fixed whatever the language of the portal's pages. */
    private static final Map<AttachmentKind, String> LABELS = Map.of(
            AttachmentKind.DOCUMENT, "Văn bản",
            AttachmentKind.BRIEFING, "Thông báo nhanh",
            AttachmentKind.APPENDIX, "Phụ lục",
            AttachmentKind.PROPAGANDA_OUTLINE, "Đề cương tuyên truyền",
            AttachmentKind.OTHER, "Tài liệu");

    private static final String SEPARATOR = ": ";

    private AttachmentDescriptions() {}

    /** The Description of an attachment of this kind and title (the title may be null). */
    static String describe(AttachmentKind kind, String title) {
        String bare = title == null ? "" : title.strip();
        AttachmentKind described = kind == null ? AttachmentKind.DOCUMENT : kind;
        if (described == AttachmentKind.DOCUMENT
                && read(bare).equals(new Described(AttachmentKind.DOCUMENT, bare.isEmpty() ? null : bare))) {
            return bare;
        }
        return bare.isEmpty() ? LABELS.get(described) : LABELS.get(described) + SEPARATOR + bare;
    }

    /** The kind and title a Description gives; the title is null when the Description names only the kind. */
    static Described read(String description) {
        // Cleaned as a title is (NFC, no zero-width or other format character, one space for any run of white space,
        // cut to the column's length), so that a kind's name written decomposed or with a no-break space is still read.
        String text = FileNames.title(description);
        for (Map.Entry<AttachmentKind, String> label : LABELS.entrySet()) {
            String name = label.getValue();
            if (text.equalsIgnoreCase(name) && label.getKey() != AttachmentKind.DOCUMENT) {
                return new Described(label.getKey(), null);
            }
            int colon = text.startsWith(" :", name.length()) ? name.length() + 1 : name.length();
            if (text.length() > colon + 1
                    && text.regionMatches(true, 0, name, 0, name.length())
                    && text.startsWith(":", colon)) {
                String title = text.substring(colon + 1).strip();
                return new Described(label.getKey(), title.isEmpty() ? null : title);
            }
        }
        return new Described(AttachmentKind.DOCUMENT, text.isEmpty() ? null : text);
    }

    record Described(AttachmentKind kind, String title) {}
}
