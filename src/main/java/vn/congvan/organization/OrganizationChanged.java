package vn.congvan.organization;

import java.time.Instant;

/** A unit or a group was created or changed by an administrator; {@code change} says what, in English. */
public record OrganizationChanged(String subject, Long subjectId, String change, Instant at) {
}
