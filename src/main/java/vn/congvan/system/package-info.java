/**
 * The shell of the site: home page, layouts, locale, error pages, the embedded database, the {@code Clock}, the
 * rendered-page cache and the retry of after-commit listeners. The home page lists the newest public dispatches.
 */
@ApplicationModule(displayName = "System (Hệ thống)", allowedDependencies = "dispatch")
package vn.congvan.system;

import org.springframework.modulith.ApplicationModule;
