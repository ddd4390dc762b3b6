package vn.congvan.dispatch;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading dispatches. Every method here answers only what the public may see. */
@Service
@Transactional(readOnly = true)
public class DispatchCatalog {

    private final DispatchRepository dispatches;

    DispatchCatalog(DispatchRepository dispatches) {
        this.dispatches = dispatches;
    }

    /** Published public dispatches, newest first. */
    public Page<DispatchSummary> publicDispatches(Pageable pageable) {
        return dispatches.findPublished(pageable).map(Dispatch::toSummary);
    }

    /** A published public dispatch with everything its page shows; empty for anything else. */
    public Optional<DispatchView> publicDispatch(Long id) {
        return dispatches.findWithRecipients(id)
                .filter(dispatch -> dispatch.toReference().isPubliclyVisible())
                .map(dispatch -> dispatch.toView(forwardedOf(dispatch), dispatches
                        .findByForwardsIdOrderByIssuedOnAscIdAsc(dispatch.getId())
                        .stream()
                        .map(Dispatch::toReference)
                        .filter(DispatchReference::isPubliclyVisible)
                        .toList()));
    }

    public boolean isPubliclyVisible(Long id) {
        return dispatches.findById(id).map(dispatch -> dispatch.toReference().isPubliclyVisible()).orElse(false);
    }

    private DispatchReference forwardedOf(Dispatch dispatch) {
        return dispatch.getForwardsId() == null ? null
                : dispatches.findById(dispatch.getForwardsId()).map(Dispatch::toReference).orElse(null);
    }
}
