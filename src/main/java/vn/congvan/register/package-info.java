/**
 * The registers a unit's clerks keep: the sổ văn bản đi (the documents the unit numbered in a year), as a page,
 * a print and an Excel workbook. Pages only; the rows are the {@code dispatch} module's answer, the file counts the
 * {@code attachment} module's, the workbook {@code system}'s writer.
 */
@ApplicationModule(
        displayName = "Register (Sổ văn bản)",
        allowedDependencies = {"dispatch", "dispatch::events", "attachment", "organization", "system"})
package vn.congvan.register;

import org.springframework.modulith.ApplicationModule;
