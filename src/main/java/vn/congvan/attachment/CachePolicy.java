package vn.congvan.attachment;

/** How long browsers may keep a served file before asking again. */
public enum CachePolicy {
    /** Anyone may see the file: shared caches may keep it for a while, then revalidate. */
    PUBLIC,
    /** The file is for some eyes only: only the browser keeps it, and it revalidates every time. */
    PRIVATE
}
