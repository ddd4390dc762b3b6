package vn.congvan.dispatch;

import java.io.IOException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.congvan.attachment.SignedCopies;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;

/**
 * Signs the PDFs of a publication in the name of its issuing body, when that body has a signing key (ADR 0047). After
 * the commit, like the search index (ADR 0024): a signing failure cannot undo a publication, and the event publication
 * registry keeps the event until the files are signed or known to be unsignable.
 */
@Component
class PublicationSignatures {

    private final SignedCopies signed;

    private final OrganizationDirectory organization;

    PublicationSignatures(SignedCopies signed, OrganizationDirectory organization) {
        this.signed = signed;
        this.organization = organization;
    }

    @ApplicationModuleListener
    void on(DispatchPublished published) throws IOException {
        UnitSummary issuer = organization.unit(published.issuerUnitId()).orElse(null);
        if (issuer == null || !signed.signs(issuer.code())) {
            return;
        }
        signed.signPublished(published.dispatchId(), issuer.code(), issuer.name());
    }
}
