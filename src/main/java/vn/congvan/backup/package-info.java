/**
 * Backup and restore of an installation (ADR 0049): a consistent copy of the database, made over JDBC inside one
 * snapshot, and of the stored files the snapshot names, with a manifest of row counts and SHA-256 digests; and the
 * restore of such a copy into an empty database and file store. Run as a command of its own
 * ({@link BackupCommand}), not inside the portal, so it talks to the other modules only through their tables.
 */
@ApplicationModule(
        displayName = "Backup (Sao lưu)",
        allowedDependencies = {})
package vn.congvan.backup;

import org.springframework.modulith.ApplicationModule;
