package vn.congvan.organization;

/** A value read for editing with the version it had: the form sends the version back to detect concurrent edits. */
public record Versioned<T>(T value, long version) {}
