package vn.congvan.dispatch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitNotFoundException;
import vn.congvan.organization.UnitSummary;

/** Drafting and publishing dispatches. */
@Service
@Transactional
public class DispatchManagement {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final DispatchRepository dispatches;

    private final DispatchTypeRepository types;

    private final OrganizationDirectory organization;

    private final Clock clock;

    DispatchManagement(DispatchRepository dispatches, DispatchTypeRepository types,
            OrganizationDirectory organization, Clock clock) {
        this.dispatches = dispatches;
        this.types = types;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * Records a document that was numbered and issued on paper, as it was issued. Answers the existing one if the
     * issuer already has a document with that number and symbol in that series, so that importing twice changes nothing.
     */
    public DispatchReference registerIssued(DispatchDraft draft, DocumentNumber number, String numberingSeries,
            LocalDate issuedOn) {
        Optional<Dispatch> existing = dispatches.findByIssuerAndNumber(draft.issuerUnitId(), numberingSeries,
                number.number(), number.symbol());
        if (existing.isPresent()) {
            return existing.get().toReference();
        }
        Dispatch dispatch = Dispatch.draft(draft, type(draft.typeCode()), printedIssuer(draft.issuerUnitId()),
                clock.instant());
        dispatch.publish(number, numberingSeries, issuedOn, clock.instant());
        return dispatches.save(dispatch).toReference();
    }

    private DispatchType type(String code) {
        return types.findById(code).orElseThrow(() -> new IllegalArgumentException("Unknown document type " + code));
    }

    private PrintedIssuer printedIssuer(Long unitId) {
        UnitSummary issuer = organization.unit(unitId).orElseThrow(() -> new UnitNotFoundException("#" + unitId));
        String superiorHeader = organization.parentOf(issuer)
                .map(parent -> parent.name().toUpperCase(VIETNAMESE))
                .orElse(null);
        return new PrintedIssuer(issuer.name(), issuer.shortName().toUpperCase(VIETNAMESE), superiorHeader,
                issuer.placeName());
    }
}
