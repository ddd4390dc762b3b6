package vn.congvan.dispatch.web;

import vn.congvan.account.CurrentUser;
import vn.congvan.dispatch.Audience;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchStatus;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.Viewers;

/** The clerk's pages of a dispatch exist only for the clerks of its issuing unit; for anyone else, 404. */
final class IssuerOnly {

    private IssuerOnly() {}

    /** The dispatch if the clerk's unit issued it; for anyone else it does not exist. */
    static DispatchView own(DispatchCatalog catalog, Long id, CurrentUser clerk) {
        return catalog.visibleDispatch(id, Viewers.issuingClerk(clerk), Audience.ISSUER)
                .orElseThrow(() -> new DispatchNotFoundException(id));
    }

    /** The dispatch's status if the clerk acts for its issuer; 404 otherwise. Cheaper than {@link #own}. */
    static DispatchStatus owned(DispatchCatalog catalog, Long id, CurrentUser clerk) {
        return catalog.statusForIssuingClerk(id, Viewers.issuingClerk(clerk))
                .orElseThrow(() -> new DispatchNotFoundException(id));
    }
}
