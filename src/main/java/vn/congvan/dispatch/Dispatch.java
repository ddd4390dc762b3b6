package vn.congvan.dispatch;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dispatch (công văn) and, more generally, any document an issuer circulates. It is drafted, then published
 * with a number; the issuer as printed and the recipient lines are frozen in it.
 */
@Entity
@Table(name = "dispatch")
class Dispatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    private DispatchFamily family;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "type_code")
    private DispatchType type;

    @Embedded
    private DocumentNumber number;

    private String numberingSeries;

    private Long issuerUnitId;

    private String issuerName;

    private String issuerHeader;

    private String superiorHeader;

    private LocalDate issuedOn;

    private String place;

    private String subject;

    private String body;

    @Embedded
    private Signer signer;

    @Column(name = "priority")
    private Urgency urgency;

    @Enumerated(EnumType.STRING)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    private DispatchStatus status;

    private Long forwardsId;

    private String forwardsReference;

    private Long relatedId;

    @Enumerated(EnumType.STRING)
    private DispatchRelation relation;

    private Instant withdrawnAt;

    private String withdrawalReason;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    private Instant publishedAt;

    private LocalDate reportDueOn;

    @OneToMany(mappedBy = "dispatch", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("role, position")
    private List<RecipientLine> recipientLines = new ArrayList<>();

    protected Dispatch() {}

    static Dispatch draft(DispatchDraft draft, DispatchType type, PrintedIssuer issuer, Instant now) {
        Dispatch dispatch = new Dispatch();
        dispatch.issuerUnitId = Objects.requireNonNull(draft.issuerUnitId());
        dispatch.issuerName = issuer.name();
        dispatch.issuerHeader = issuer.header();
        dispatch.superiorHeader = issuer.superiorHeader();
        dispatch.status = DispatchStatus.DRAFT;
        dispatch.createdAt = now;
        dispatch.apply(draft, type, issuer.place(), now);
        // The link to a forwarded dispatch is set when the draft is made; edits (whose form has no such field) keep it.
        dispatch.forwardsId = draft.forwardsId();
        return dispatch;
    }

    /**
     * A new draft that corrects (đính chính) or replaces (thay thế) this published dispatch: it starts as a copy,
     * of the same form, and is linked to this one.
     */
    Dispatch supersede(DispatchRelation relation, Instant now) {
        if (status != DispatchStatus.PUBLISHED) {
            throw new IllegalStateException("Only a published dispatch can be corrected or replaced");
        }
        Dispatch next = draft(toDraft(), type, new PrintedIssuer(issuerName, issuerHeader, superiorHeader, place), now);
        next.relation = Objects.requireNonNull(relation);
        next.relatedId = id;
        return next;
    }

    /** Changes what a drafter decides; only a draft can change. */
    void revise(DispatchDraft draft, DispatchType type, Instant now) {
        requireDraft();
        apply(draft, type, place, now);
    }

    private void apply(DispatchDraft draft, DispatchType type, String defaultPlace, Instant now) {
        this.family = Objects.requireNonNull(draft.family());
        this.type = Objects.requireNonNull(type);
        this.place = draft.place() != null && !draft.place().isBlank()
                ? draft.place().strip()
                : defaultPlace;
        this.subject = requireText(draft.subject(), "subject");
        this.body = requireText(draft.body(), "body");
        if (draft.signer() != null && !family.allowsCompetence(draft.signer().competence())) {
            throw new DispatchRuleException(
                    "dispatch.error.competence",
                    "Competence " + draft.signer().competence() + " is not one of the " + family + " family",
                    draft.signer().competence(),
                    String.join(", ", family.competences()));
        }
        this.signer = draft.signer();
        this.urgency = draft.urgency() != null ? draft.urgency() : Urgency.NORMAL;
        this.visibility = Objects.requireNonNull(draft.visibility());
        this.forwardsReference = draft.forwardsReference();
        this.reportDueOn = draft.reportDueOn();
        this.updatedAt = now;
        replaceRecipients(RecipientRole.ADDRESSEE, draft.addressees());
        replaceRecipients(RecipientRole.DISTRIBUTION, draft.distribution());
    }

    private void requireDraft() {
        if (status != DispatchStatus.DRAFT) {
            throw new IllegalStateException("Only a draft can change; this one is " + status);
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A dispatch needs a " + what);
        }
        return value.strip();
    }

    /**
     * Rewrites the role's lines in place: line n keeps its row and its position and takes the n-th recipient, extra
     * recipients get new rows after it, surplus rows go. Clearing and re-adding would make Hibernate insert the new
     * rows (with the same positions) before it deletes the old ones, against the unique position per role.
     */
    private void replaceRecipients(RecipientRole role, List<Recipient> recipients) {
        List<RecipientLine> current = recipientLines.stream()
                .filter(line -> line.getRole() == role)
                .sorted(Comparator.comparingInt(RecipientLine::getPosition))
                .toList();
        for (int index = 0; index < recipients.size(); index++) {
            if (index < current.size()) {
                current.get(index).rewrite(index + 1, recipients.get(index));
            } else {
                recipientLines.add(new RecipientLine(this, role, index + 1, recipients.get(index)));
            }
        }
        recipientLines.removeAll(current.subList(Math.min(recipients.size(), current.size()), current.size()));
    }

    /**
     * Gives the draft its number in the given series. The units it is sent to are written beside it by
     * {@link DispatchManagement} in one statement (thousands of them: one insert per element, as this collection
     * would flush them, took seconds), kept as they are now: later changes to groups or to the unit tree do not
     * change who received it. The collection is not touched here, so Hibernate writes none of its rows.
     */
    void publish(DocumentNumber number, String numberingSeries, LocalDate issuedOn, Instant at) {
        publish(number, numberingSeries, issuedOn, at, at);
    }

    /**
     * As {@link #publish(DocumentNumber, String, LocalDate, Instant)} for a document that reached its recipients
     * before it was recorded here ({@code sentAt}, its day of issue): the ledger dates its lines from it.
     */
    void publish(DocumentNumber number, String numberingSeries, LocalDate issuedOn, Instant sentAt, Instant at) {
        requireDraft();
        if (reportDueOn != null && reportDueOn.isBefore(issuedOn)) {
            throw new DispatchRuleException(
                    "dispatch.error.reportDueBeforeIssue",
                    "Report due on " + reportDueOn + " before the issue date " + issuedOn,
                    VietnameseDates.shortForm(reportDueOn),
                    VietnameseDates.shortForm(issuedOn));
        }
        this.number = Objects.requireNonNull(number);
        this.numberingSeries = Objects.requireNonNull(numberingSeries);
        this.issuedOn = Objects.requireNonNull(issuedOn);
        this.status = DispatchStatus.PUBLISHED;
        this.publishedAt = Objects.requireNonNull(sentAt);
        this.updatedAt = at;
    }

    /** Files change only on a draft: once published, every recipient holds exactly the files that were sent. */
    void requireFilesChangeable() {
        requireFilesChangeable(id, status);
    }

    /** The same rule for a status read on its own (see {@link DraftOnlyFiles}). */
    static void requireFilesChangeable(Long id, DispatchStatus status) {
        if (status != DispatchStatus.DRAFT) {
            throw new DispatchRuleException(
                    "dispatch.error.notDraft", "Dispatch " + id + " is " + status + "; its files cannot change");
        }
    }

    /** Thu hồi: the dispatch leaves inboxes and the public section; who had it sees the reason. */
    void withdraw(String reason, Instant at) {
        if (status != DispatchStatus.PUBLISHED) {
            throw new IllegalStateException("Only a published dispatch can be withdrawn; this one is " + status);
        }
        this.withdrawalReason = requireText(reason, "reason for withdrawal");
        this.withdrawnAt = at;
        this.status = DispatchStatus.WITHDRAWN;
        this.updatedAt = at;
    }

    /**
     * Whether the viewer may see this dispatch in that audience's section: {@link DispatchAccess} decides. Whether it
     * was sent to one of the viewer's units is asked of {@code sentToAnyOf} only when that decides (the frozen
     * recipients of a dispatch may be thousands of units and are not part of the aggregate's state; ADR 0026).
     */
    boolean isVisibleTo(Viewer viewer, Audience audience, DispatchAccess.SentTo sentToAnyOf) {
        return DispatchAccess.canSee(viewer, audience, status, visibility, issuerUnitId, sentToAnyOf);
    }

    /**
     * Whether the viewer could see this dispatch in that audience's section while it was published: who is told that
     * it was withdrawn (410) rather than that it does not exist (404).
     */
    boolean wasVisibleTo(Viewer viewer, Audience audience, DispatchAccess.SentTo sentToAnyOf) {
        return status != DispatchStatus.DRAFT
                && DispatchAccess.canSee(
                        viewer, audience, DispatchStatus.PUBLISHED, visibility, issuerUnitId, sentToAnyOf);
    }

    /**
     * A correction or replacement of this dispatch was published: it counts as a change of this one (the feed and
     * the public pages show it), while its status stays as it is.
     */
    void supersededAt(Instant at) {
        if (status == DispatchStatus.DRAFT) {
            throw new IllegalStateException("A draft cannot be corrected or replaced");
        }
        this.updatedAt = at;
    }

    DispatchRelation getRelation() {
        return relation;
    }

    /** Whether the clerk acts for the issuing unit (the rule needs no recipients for that). */
    boolean isIssuedBy(Viewer clerk) {
        return isVisibleTo(clerk, Audience.ISSUER, units -> false);
    }

    DispatchDraft toDraft() {
        return DispatchDraft.builder()
                .family(family)
                .type(type.getCode())
                .issuer(issuerUnitId)
                .place(place)
                .subject(subject)
                .body(body)
                .signer(signer)
                .urgency(urgency)
                .visibility(visibility)
                .forwards(forwardsId)
                .forwardsReference(forwardsReference)
                .addressees(recipients(RecipientRole.ADDRESSEE))
                .distribution(recipients(RecipientRole.DISTRIBUTION))
                .reportDueOn(reportDueOn)
                .build();
    }

    Long getIssuerUnitId() {
        return issuerUnitId;
    }

    DispatchStatus getStatus() {
        return status;
    }

    DispatchFamily getFamily() {
        return family;
    }

    String getTypeCode() {
        return type.getCode();
    }

    long getVersion() {
        return version;
    }

    Long getRelatedId() {
        return relatedId;
    }

    List<Recipient> recipientsForResolution() {
        return recipientLines.stream().map(RecipientLine::toRecipient).toList();
    }

    /** When it was sent and, if it was, withdrawn; empty for a draft. */
    Optional<SentDispatch> toSent() {
        return publishedAt == null ? Optional.empty() : Optional.of(new SentDispatch(id, publishedAt, withdrawnAt));
    }

    Long getId() {
        return id;
    }

    /** Người ký as printed under the text; null for a document that names none. */
    Signer getSigner() {
        return signer;
    }

    Long getForwardsId() {
        return forwardsId;
    }

    String notation() {
        return number == null ? null : family.notation(number.number(), number.symbol());
    }

    DispatchReference toReference() {
        return new DispatchReference(id, notation(), issuedOn, issuerName, subject, status, visibility);
    }

    DispatchSummary toSummary() {
        return new DispatchSummary(
                id,
                family,
                type.getCode(),
                type.getName(),
                notation(),
                issuedOn,
                issuerName,
                subject,
                visibility,
                status,
                updatedAt,
                urgency);
    }

    /**
     * The dispatch as its page shows it. A draft's number line shows the symbol it will have, with the number left
     * blank ({@code issuerSymbolCode}: the issuer's abbreviation today, null where unknown).
     */
    DispatchView toView(Links links, String issuerSymbolCode) {
        String notation = notation();
        return new DispatchView(
                id,
                version,
                issuerUnitId,
                family,
                type.getCode(),
                type.getName(),
                notation,
                notation == null
                        ? family.blankNumberLine(type.getCode(), issuerSymbolCode)
                        : family.numberLine(notation),
                issuerName,
                superiorHeader,
                issuerHeader,
                issuedOn,
                place,
                subject,
                List.of(body.split("\\R\\s*\\R")),
                recipients(RecipientRole.ADDRESSEE),
                recipients(RecipientRole.DISTRIBUTION),
                signer,
                urgency,
                visibility,
                status,
                links.forwards(),
                forwardsReference,
                links.forwardedBy(),
                relation,
                links.related(),
                links.supersededBy(),
                withdrawnAt,
                withdrawalReason,
                type.getTitle(),
                issuedOn == null ? VietnameseDates.yearOf(updatedAt) : null,
                reportDueOn);
    }

    /** The dispatches this one is linked with, as far as the viewer may see them. */
    record Links(
            DispatchReference forwards,
            List<DispatchReference> forwardedBy,
            DispatchReference related,
            List<DispatchReference> supersededBy) {}

    private List<Recipient> recipients(RecipientRole role) {
        return recipientLines.stream()
                .filter(line -> line.getRole() == role)
                .map(RecipientLine::toRecipient)
                .toList();
    }
}
