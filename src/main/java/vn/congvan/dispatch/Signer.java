package vn.congvan.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Người ký: competence ("T/M", "K/T", "T/L"), the authority it acts for ("BAN THƯỜNG VỤ", "TRƯỞNG BAN"), the
 * signer's own position and full name. Any part may be unknown for a document taken from paper.
 */
@Embeddable
public record Signer(
        @Column(name = "signer_competence") String competence,
        @Column(name = "signer_authority") String authority,
        @Column(name = "signer_position") String position,
        @Column(name = "signer_name") String fullName) {

    /** "K/T TRƯỞNG BAN", or null where the signer signs in their own name. */
    public String competenceLine() {
        if (competence == null || competence.isBlank()) {
            return null;
        }
        return authority == null ? competence : competence + " " + authority;
    }
}
