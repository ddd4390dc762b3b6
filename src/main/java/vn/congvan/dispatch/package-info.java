/**
 * The dispatch (công văn): drafting, numbering, recipients, publishing, withdrawal, correction and replacement, and
 * who may see which dispatch. Its events ({@code dispatch::events}) feed the ledger, the audit log, the search index
 * and the notices.
 */
@ApplicationModule(
        displayName = "Dispatch (Công văn)",
        allowedDependencies = {"organization", "account", "attachment", "extraction"})
package vn.congvan.dispatch;

import org.springframework.modulith.ApplicationModule;
