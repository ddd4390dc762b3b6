/**
 * Mail notices of a publication, withdrawal, correction or replacement to the members of the recipient units, and
 * reminders to report or acknowledge, through the outbox {@code mail_outbox}. Only listens; nothing calls it.
 */
@ApplicationModule(
        displayName = "Notification (Thông báo)",
        allowedDependencies = {"dispatch", "dispatch::events", "account", "delivery::events", "system"})
package vn.congvan.notification;

import org.springframework.modulith.ApplicationModule;
