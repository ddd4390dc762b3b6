/**
 * The REST API ({@code /api/v1}, ADR 0042): the public dispatches, their files and the search for everybody; the
 * unit's inbox, acknowledgements and reports with a personal access token or a signed-in browser. It answers with the
 * same access policy as the pages (the {@code Viewer} of the request), in JSON, paged, with ETags, errors as problem
 * details. Authentication and the rate limit are the account module's ({@code /api/**} filter chain).
 */
@ApplicationModule(
        displayName = "API (Giao diện lập trình)",
        allowedDependencies = {"dispatch", "delivery", "search", "attachment", "account"})
package vn.congvan.api;

import org.springframework.modulith.ApplicationModule;
