package vn.congvan.delivery;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * The issuer reminded a recipient unit (nhắc) to acknowledge a dispatch or to send its report: by a clerk's hand
 * ({@code by} names the clerk) or by the scheduled job before the deadline ({@code automatic}). The notices module
 * mails the unit's accounts; the audit log records it.
 */
@NamedInterface("events")
public record ReminderSent(Long reminderId, Long dispatchId, Long unitId, boolean automatic, String by, Instant at) {}
