package vn.congvan.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentKind;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.NewAttachment;
import vn.congvan.attachment.ScanState;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitNotFoundException;
import vn.congvan.organization.UnitSummary;

/**
 * Drafting, publishing, withdrawing and superseding dispatches. Each method checks that the acting clerk belongs
 * to the issuing unit; a dispatch the clerk may not see answers as not found.
 */
@Service
@Transactional
public class DispatchManagement {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The calendar days of issue and deadlines are kept in (system.Times.VIETNAM; this module does not depend on system). */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DispatchRepository dispatches;

    private final DispatchTypeRepository types;

    private final OrganizationDirectory organization;

    private final NumberingSeries series;

    private final NumberAllocator numbers;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final ZoneId zone;

    private final Attachments attachments;

    private final JdbcTemplate jdbc;

    private final Counter published;

    DispatchManagement(
            DispatchRepository dispatches,
            DispatchTypeRepository types,
            OrganizationDirectory organization,
            NumberingSeries series,
            NumberAllocator numbers,
            ApplicationEventPublisher events,
            Clock clock,
            ZoneId zone,
            Attachments attachments,
            JdbcTemplate jdbc,
            MeterRegistry meters) {
        this.attachments = attachments;
        this.dispatches = dispatches;
        this.types = types;
        this.organization = organization;
        this.series = series;
        this.numbers = numbers;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
        this.jdbc = jdbc;
        this.published = Counter.builder("congvan.dispatches.published")
                .description("Dispatches published (sent to their recipients) since the instance started")
                .register(meters);
    }

    /** Starts a draft for the clerk's own unit. */
    public Long createDraft(DispatchDraft draft, CurrentUser clerk) {
        requireClerkOf(draft.issuerUnitId(), clerk);
        requireReportDueAhead(draft);
        return dispatches
                .save(Dispatch.draft(
                        draft, type(draft.typeCode()), printedIssuer(draft.issuerUnitId()), clock.instant()))
                .getId();
    }

    /** Changes a draft; {@code expectedVersion} is the version the clerk edited, so a concurrent edit is refused. */
    public void reviseDraft(Long id, long expectedVersion, DispatchDraft draft, CurrentUser clerk) {
        Dispatch dispatch = ownDispatch(id, clerk);
        if (dispatch.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Dispatch.class, id);
        }
        requireClerkOf(draft.issuerUnitId(), clerk);
        requireReportDueAhead(draft);
        dispatch.revise(draft, type(draft.typeCode()), clock.instant());
    }

    /** The draft as its form shows it, for the clerk who may edit it. */
    @Transactional(readOnly = true)
    public DispatchDraft draftOf(Long id, CurrentUser clerk) {
        return ownDispatch(id, clerk).toDraft();
    }

    /**
     * Numbers the draft and sends it to the units its recipient lines name (groups resolved now, once). Without
     * {@code manualNumber} the next number of the series is taken; with it (a document numbered on paper), the
     * number is checked against the series. A file that is not scanned clean keeps it a draft (ADR 0015).
     */
    public DispatchReference publish(Long id, Integer manualNumber, LocalDate issuedOn, CurrentUser clerk) {
        Dispatch dispatch = ownDispatch(id, clerk);
        if (dispatch.getStatus() != DispatchStatus.DRAFT) {
            throw new DispatchRuleException("dispatch.error.notDraft", "Dispatch " + id + " is not a draft");
        }
        requireFilesScanned(id);
        return publish(
                dispatch, manualNumber, issuedOn != null ? issuedOn : LocalDate.ofInstant(clock.instant(), zone));
    }

    /**
     * Records a document that was numbered and issued on paper, as it was issued, and sends it. Answers the
     * existing one if the issuer already has that number and symbol in the series, so importing twice changes
     * nothing.
     */
    public DispatchReference registerIssued(DispatchDraft draft, DocumentNumber number, LocalDate issuedOn) {
        return registerIssued(draft, number, issuedOn, id -> {});
    }

    /**
     * As {@link #registerIssued(DispatchDraft, DocumentNumber, LocalDate)}, with files: {@code attachFiles} is given
     * the new dispatch's id while it is still a draft (files change only on drafts) and attaches what was issued with
     * it, in the same transaction. Not called for a dispatch registered before.
     */
    public DispatchReference registerIssued(
            DispatchDraft draft, DocumentNumber number, LocalDate issuedOn, Consumer<Long> attachFiles) {
        NumberingSeries.Key key = series.keyFor(draft.family(), draft.typeCode(), draft.issuerUnitId(), issuedOn);
        Optional<Dispatch> existing =
                dispatches.findByIssuerAndNumber(draft.issuerUnitId(), key.series(), number.number(), number.symbol());
        if (existing.isPresent()) {
            return existing.get().toReference();
        }
        Dispatch dispatch = dispatches.save(
                Dispatch.draft(draft, type(draft.typeCode()), printedIssuer(draft.issuerUnitId()), clock.instant()));
        attachFiles.accept(dispatch.getId());
        numbers.advanceTo(draft.issuerUnitId(), key.series(), key.typeKey(), number.number());
        return send(dispatch, number, key.series(), issuedOn, sentOn(issuedOn));
    }

    /**
     * When a document issued on paper reached its recipients, as far as the portal can know: the start of its day of
     * issue in Vietnam (never later than now), so that its ledger lines are dated from its issue, not from the day it
     * was recorded here.
     */
    private Instant sentOn(LocalDate issuedOn) {
        Instant dayOfIssue = issuedOn.atStartOfDay(VIETNAM).toInstant();
        Instant now = clock.instant();
        return dayOfIssue.isBefore(now) ? dayOfIssue : now;
    }

    /**
     * Adds a file to the clerk's draft. The aggregate refuses a dispatch that is no longer a draft here, before the
     * file is staged and scanned, and again under the attachment lock ({@link DraftOnlyFiles}), where a publication
     * that committed meanwhile is seen. No transaction is opened here: the file is scanned with nothing held, then
     * recorded in a short transaction of its own (ADR 0070).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public AttachmentView attach(NewAttachment file, InputStream content, CurrentUser clerk) throws IOException {
        ownDispatchStatusOnly(file.dispatchId(), clerk).requireFilesChangeable();
        return attachments.attach(file, content);
    }

    /** Removes a file from the clerk's draft; the same rule as {@link #attach}. */
    public void removeFile(Long id, Long attachmentId, CurrentUser clerk) {
        ownDispatchStatusOnly(id, clerk).requireFilesChangeable();
        attachments.remove(id, attachmentId);
    }

    /** Gives a file of the clerk's draft another title and kind; the same rule as {@link #attach}. */
    public AttachmentView describeFile(
            Long id, Long attachmentId, String title, AttachmentKind kind, CurrentUser clerk) {
        ownDispatchStatusOnly(id, clerk).requireFilesChangeable();
        return attachments.describe(id, attachmentId, title, kind);
    }

    /** Thu hồi, with the reason every recipient will read. */
    public void withdraw(Long id, String reason, CurrentUser clerk) {
        Dispatch dispatch = ownDispatch(id, clerk);
        if (dispatch.getStatus() != DispatchStatus.PUBLISHED) {
            throw new DispatchRuleException("dispatch.error.notPublished", "Dispatch " + id + " is not published");
        }
        Instant now = clock.instant();
        dispatch.withdraw(reason, now);
        events.publishEvent(new DispatchWithdrawn(id, dispatch.notation(), reason.strip(), now));
    }

    /** Starts a correction (đính chính) or replacement (thay thế) of a published dispatch, as a linked draft. */
    public Long supersede(Long id, DispatchRelation relation, CurrentUser clerk) {
        Dispatch dispatch = ownDispatch(id, clerk);
        if (dispatch.getStatus() != DispatchStatus.PUBLISHED) {
            throw new DispatchRuleException("dispatch.error.notPublished", "Dispatch " + id + " is not published");
        }
        Instant now = clock.instant();
        Long next = dispatches.save(dispatch.supersede(relation, now)).getId();
        events.publishEvent(new DispatchSuperseded(id, next, relation, now));
        return next;
    }

    /** Configures a Party-committee term; numbering of Party documents needs one. Registering it again does nothing. */
    public void registerPartyTerm(Long unitId, String name, LocalDate startsOn, LocalDate endsOn) {
        series.registerTerm(unitId, name, startsOn, endsOn);
    }

    private DispatchReference publish(Dispatch dispatch, Integer manualNumber, LocalDate issuedOn) {
        NumberingSeries.Key key =
                series.keyFor(dispatch.getFamily(), dispatch.getTypeCode(), dispatch.getIssuerUnitId(), issuedOn);
        String symbol = symbolOf(dispatch);
        DocumentNumber number;
        if (manualNumber != null) {
            number = new DocumentNumber(manualNumber, symbol);
            if (dispatches
                    .findByIssuerAndNumber(dispatch.getIssuerUnitId(), key.series(), manualNumber, symbol)
                    .isPresent()) {
                throw new DuplicateNumberException(dispatch.getFamily().notation(manualNumber, symbol));
            }
            numbers.advanceTo(dispatch.getIssuerUnitId(), key.series(), key.typeKey(), manualNumber);
        } else {
            number = new DocumentNumber(numbers.next(dispatch.getIssuerUnitId(), key.series(), key.typeKey()), symbol);
        }
        return send(dispatch, number, key.series(), issuedOn, null);
    }

    /** {@code sentAt}: when a document issued earlier reached its recipients; null for now. */
    private DispatchReference send(
            Dispatch dispatch, DocumentNumber number, String numberingSeries, LocalDate issuedOn, Instant sentAt) {
        requireIssuerInBeing(dispatch.getIssuerUnitId(), issuedOn);
        Set<Long> unitIds = new HashSet<>();
        Set<Long> groupIds = new HashSet<>();
        for (Recipient recipient : dispatch.recipientsForResolution()) {
            if (recipient.unitId() != null) {
                unitIds.add(recipient.unitId());
            }
            if (recipient.groupId() != null) {
                groupIds.add(recipient.groupId());
            }
        }
        // Units that had ceased to exist on the day of issue receive nothing (groups may still list them).
        Set<Long> recipients = organization.activeRecipients(unitIds, groupIds, issuedOn);
        if (recipients.isEmpty()) {
            throw new DispatchRuleException("dispatch.error.noRecipients", "Dispatch has no recipient unit");
        }
        Instant now = clock.instant();
        Instant sent = sentAt != null ? sentAt : now;
        dispatch.publish(number, numberingSeries, issuedOn, sent, now);
        try {
            dispatches.saveAndFlush(dispatch);
        } catch (DataIntegrityViolationException ex) {
            throw new DuplicateNumberException(dispatch.notation());
        }
        // One row holding the frozen recipients as an array: a row per unit would repeat, with its foreign-key checks
        // and indexes, the ledger's lines (ADR 0026).
        Long[] ids = recipients.stream().sorted().toArray(Long[]::new);
        jdbc.update("insert into dispatch_recipient_units (dispatch_id, unit_ids) values (?, ?)", insert -> {
            insert.setLong(1, dispatch.getId());
            insert.setArray(2, insert.getConnection().createArrayOf("bigint", ids));
        });
        events.publishEvent(new DispatchPublished(
                dispatch.getId(), dispatch.getIssuerUnitId(), dispatch.notation(), Set.copyOf(recipients), now, sent));
        countOnceCommitted();
        if (dispatch.getRelatedId() != null) {
            // The units that had the earlier dispatch are told once this one is out (after the commit, set-based).
            dispatches.findById(dispatch.getRelatedId()).ifPresent(earlier -> {
                earlier.supersededAt(now);
                events.publishEvent(new DispatchSuccessorPublished(
                        earlier.getId(),
                        earlier.notation(),
                        dispatch.getId(),
                        dispatch.notation(),
                        dispatch.getRelation(),
                        now));
            });
        }
        return dispatch.toReference();
    }

    /**
     * A clerk sets a deadline for reports that is still ahead (today, in Vietnam, at the earliest); the publication
     * checks it again against the issue date ({@link Dispatch#publish}). Documents registered as issued on paper
     * keep the deadline they had.
     */
    private void requireReportDueAhead(DispatchDraft draft) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        if (draft.reportDueOn() != null && draft.reportDueOn().isBefore(today)) {
            throw new DispatchRuleException(
                    "dispatch.error.reportDuePast",
                    "Report due on " + draft.reportDueOn() + ", before today " + today,
                    VietnameseDates.shortForm(draft.reportDueOn()));
        }
    }

    /**
     * A unit that has ended (merged, dissolved: the 2025 reorganisation ended the district bodies) issues nothing
     * dated on or after its end; its successor does. Documents it issued before, registered later, still pass.
     */
    private void requireIssuerInBeing(Long issuerUnitId, LocalDate issuedOn) {
        UnitSummary issuer =
                organization.unit(issuerUnitId).orElseThrow(() -> new UnitNotFoundException("#" + issuerUnitId));
        if (issuer.validTo() != null && !issuedOn.isBefore(issuer.validTo())) {
            throw new DispatchRuleException(
                    "dispatch.error.issuerEnded",
                    "Unit " + issuer.code() + " ended on " + issuer.validTo() + ", before the issue date " + issuedOn,
                    issuer.name(),
                    VietnameseDates.shortForm(issuer.validTo().minusDays(1)));
        }
    }

    /** Fails closed: a file the scanner has not cleared, or found infected, is never sent. */
    private void requireFilesScanned(Long id) {
        for (AttachmentView file : attachments.blockingPublication(id)) {
            if (file.scanState() == ScanState.INFECTED) {
                throw new DispatchRuleException(
                        "dispatch.error.fileInfected",
                        "Dispatch " + id + " holds infected file " + file.id(),
                        file.originalFilename(),
                        file.scanSignature());
            }
            throw new DispatchRuleException(
                    "dispatch.error.fileNotScanned",
                    "Dispatch " + id + " holds file " + file.id() + " not scanned (" + file.scanState() + ")",
                    file.originalFilename());
        }
    }

    private String symbolOf(Dispatch dispatch) {
        UnitSummary issuer = organization
                .unit(dispatch.getIssuerUnitId())
                .orElseThrow(() -> new UnitNotFoundException("#" + dispatch.getIssuerUnitId()));
        if (issuer.symbolCode() == null || issuer.symbolCode().isBlank()) {
            throw new DispatchRuleException("dispatch.error.noSymbol", "Unit " + issuer.code() + " has no symbol");
        }
        return dispatch.getFamily().symbol(dispatch.getTypeCode(), issuer.symbolCode());
    }

    /** The clerk's dispatch without its recipient lines, for rules that need only its status. */
    private Dispatch ownDispatchStatusOnly(Long id, CurrentUser clerk) {
        return dispatches
                .findById(id)
                .filter(dispatch -> clerk != null && clerk.isClerkOf(dispatch.getIssuerUnitId()))
                .orElseThrow(() -> new DispatchNotFoundException(id));
    }

    private Dispatch ownDispatch(Long id, CurrentUser clerk) {
        return dispatches
                .findWithRecipients(id)
                .filter(dispatch -> clerk != null && clerk.isClerkOf(dispatch.getIssuerUnitId()))
                .orElseThrow(() -> new DispatchNotFoundException(id));
    }

    private static void requireClerkOf(Long issuerUnitId, CurrentUser clerk) {
        if (clerk == null || !clerk.isClerkOf(issuerUnitId)) {
            throw new DispatchNotFoundException(null);
        }
    }

    private DispatchType type(String code) {
        return types.findById(code)
                .orElseThrow(() ->
                        new DispatchRuleException("dispatch.form.type.required", "Unknown document type " + code));
    }

    private PrintedIssuer printedIssuer(Long unitId) {
        UnitSummary issuer = organization.unit(unitId).orElseThrow(() -> new UnitNotFoundException("#" + unitId));
        String superiorHeader = organization
                .parentOf(issuer)
                .map(parent -> parent.name().toUpperCase(VIETNAMESE))
                .orElse(null);
        return new PrintedIssuer(
                issuer.name(), issuer.shortName().toUpperCase(VIETNAMESE), superiorHeader, issuer.placeName());
    }

    /** A publication rolled back (a number taken meanwhile) was never sent, so it is counted after the commit only. */
    private void countOnceCommitted() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            published.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                published.increment();
            }
        });
    }
}
