package vn.congvan.extraction;

/**
 * The signature block: competence ("K/T TRƯỞNG BAN", "TM. ỦY BAN NHÂN DÂN") written in the family's own form,
 * position and full name; any part may be null.
 */
public record Signer(String competence, String position, String fullName) {}
