package vn.congvan.dispatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import vn.congvan.attachment.SignedCopies;
import vn.congvan.attachment.SignedPublication;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/**
 * Signs the PDFs of a publication in the name of its issuing body, when that body has a signing key (ADR 0047). After
 * the commit, like the search index (ADR 0024): a signing failure cannot undo a publication, and the event publication
 * registry keeps the event until the files are signed or known to be unsignable. The dispatch's notation and signer go
 * with it, so that the signature is placed as NĐ 30 places it (ADR 0053).
 */
@Component
class PublicationSignatures {

    private final SignedCopies signed;

    private final OrganizationDirectory organization;

    private final DispatchRepository dispatches;

    PublicationSignatures(SignedCopies signed, OrganizationDirectory organization, DispatchRepository dispatches) {
        this.signed = signed;
        this.organization = organization;
        this.dispatches = dispatches;
    }

    /**
     * Outside a transaction (ADR 0053): signing a dispatch's files takes a parse and a save per PDF, and no database
     * connection is held meanwhile; each file's outcome is stored as soon as it is known.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DispatchPublished published) throws IOException {
        UnitSummary issuer = organization.unit(published.issuerUnitId()).orElse(null);
        if (issuer == null || !signed.signs(issuer.code())) {
            return;
        }
        Signer signer = dispatches
                .findById(published.dispatchId())
                .map(Dispatch::getSigner)
                .orElse(null);
        List<String> titles = new ArrayList<>();
        String name = null;
        if (signer != null) {
            titles.add(signer.competenceLine());
            titles.add(signer.position());
            name = signer.fullName();
        }
        signed.signPublished(
                published.dispatchId(),
                new SignedPublication(issuer.code(), issuer.name(), published.notation(), titles, name));
    }
}
