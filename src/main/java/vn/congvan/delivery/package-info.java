/**
 * The delivery ledger (sổ theo dõi) of each publication and the units' inboxes (hộp thư). Listens to the dispatch
 * events; serves the files of a delivered dispatch through {@code attachment}.
 */
@ApplicationModule(
        displayName = "Delivery (Sổ theo dõi, hộp thư)",
        allowedDependencies = {"dispatch", "dispatch::events", "account", "attachment", "system"})
package vn.congvan.delivery;

import org.springframework.modulith.ApplicationModule;
