package vn.congvan.attachment;

/** What an attached file is to its dispatch. */
public enum AttachmentKind {
    /** Thông báo nhanh. */
    BRIEFING,
    /** Phụ lục. */
    APPENDIX,
    /** The document itself, as signed (a scan or a signed PDF). */
    DOCUMENT,
    OTHER,
    /** Đề cương tuyên truyền: the talking points a Party board sends with a campaign. */
    PROPAGANDA_OUTLINE
}
