package vn.congvan.organization;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A unit or a group was created or changed by an administrator; {@code change} says what, in Vietnamese, as the audit log shows it. */
@NamedInterface("events")
public record OrganizationChanged(String subject, Long subjectId, String change, Instant at) {}
