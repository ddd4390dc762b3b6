/**
 * The append-only audit log (nhật ký) and its page. Fed by the other modules' events and Spring Security's login
 * events; nothing depends on it, so it can be left out without touching the others.
 */
@ApplicationModule(
        displayName = "Audit (Nhật ký)",
        allowedDependencies = {
            "account",
            "account::events",
            "organization",
            "organization::events",
            "dispatch",
            "dispatch::events",
            "attachment",
            "delivery::events"
        })
package vn.congvan.audit;

import org.springframework.modulith.ApplicationModule;
