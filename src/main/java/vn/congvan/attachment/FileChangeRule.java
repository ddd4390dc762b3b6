package vn.congvan.attachment;

/**
 * Whether the files of a dispatch may change now. The module that owns dispatches answers (files change only on
 * drafts); this module asks before every attach and remove, holding the dispatch's attachment lock, the lock a
 * publication also takes, so that no file comes or goes between the answer and a publication. The interface lives
 * here because the dispatch module already depends on this one (ADR 0032).
 */
public interface FileChangeRule {

    /** Throws if the dispatch's files may not change; a dispatch that does not exist may not change either. */
    void requireChangeable(Long dispatchId);
}
