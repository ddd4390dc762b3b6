/**
 * Demo units, groups, terms, dispatches, files and accounts, loaded at start-up when {@code congvan.demo.enabled}
 * is on; it writes only through the other modules' APIs.
 */
@ApplicationModule(
        displayName = "Demo (Dữ liệu mẫu)",
        allowedDependencies = {"organization", "account", "dispatch", "attachment", "incoming"})
package vn.congvan.demo;

import org.springframework.modulith.ApplicationModule;
