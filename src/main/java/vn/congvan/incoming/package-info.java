/**
 * The incoming register (sổ văn bản đến) of each unit that has clerks: what the portal delivered to the unit, written
 * when a dispatch is published, and what its clerks register by hand from paper; from an entry, the clerk starts a
 * draft that implements or forwards it (triển khai, chuyển tiếp), with the received files by reference (ADR 0033).
 */
@ApplicationModule(
        displayName = "Incoming (Văn bản đến)",
        allowedDependencies = {
            "dispatch",
            "dispatch::events",
            "account",
            "attachment",
            "organization",
            "system",
            "extraction"
        })
package vn.congvan.incoming;

import org.springframework.modulith.ApplicationModule;
