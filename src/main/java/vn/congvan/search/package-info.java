/**
 * Full-text search: the read model {@code search_document}, fed by the dispatch and attachment events, the text
 * extraction queue and the search page.
 */
@ApplicationModule(
        displayName = "Search (Tìm kiếm)",
        allowedDependencies = {"dispatch", "dispatch::events", "account", "attachment", "attachment::events", "system"})
package vn.congvan.search;

import org.springframework.modulith.ApplicationModule;
