/**
 * The public section "Tài liệu tuyên truyền" and its Atom feed: pages only, no API of its own.
 */
@ApplicationModule(
        displayName = "Materials (Tài liệu tuyên truyền)",
        allowedDependencies = {"dispatch", "attachment", "system"})
package vn.congvan.materials;

import org.springframework.modulith.ApplicationModule;
