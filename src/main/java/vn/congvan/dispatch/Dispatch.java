package vn.congvan.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    private Instant publishedAt;

    @OneToMany(mappedBy = "dispatch", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("role, position")
    private List<RecipientLine> recipientLines = new ArrayList<>();

    protected Dispatch() {
    }

    static Dispatch draft(DispatchDraft draft, DispatchType type, PrintedIssuer issuer, Instant now) {
        Dispatch dispatch = new Dispatch();
        dispatch.family = Objects.requireNonNull(draft.family());
        dispatch.type = Objects.requireNonNull(type);
        dispatch.issuerUnitId = Objects.requireNonNull(draft.issuerUnitId());
        dispatch.issuerName = issuer.name();
        dispatch.issuerHeader = issuer.header();
        dispatch.superiorHeader = issuer.superiorHeader();
        dispatch.place = draft.place() != null ? draft.place() : issuer.place();
        dispatch.subject = requireText(draft.subject(), "subject");
        dispatch.body = requireText(draft.body(), "body");
        dispatch.signer = draft.signer();
        dispatch.urgency = draft.urgency() != null ? draft.urgency() : Urgency.NORMAL;
        dispatch.visibility = Objects.requireNonNull(draft.visibility());
        dispatch.forwardsId = draft.forwardsId();
        dispatch.forwardsReference = draft.forwardsReference();
        dispatch.status = DispatchStatus.DRAFT;
        dispatch.createdAt = now;
        dispatch.updatedAt = now;
        dispatch.replaceRecipients(RecipientRole.ADDRESSEE, draft.addressees());
        dispatch.replaceRecipients(RecipientRole.DISTRIBUTION, draft.distribution());
        return dispatch;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A dispatch needs a " + what);
        }
        return value.strip();
    }

    private void replaceRecipients(RecipientRole role, List<Recipient> recipients) {
        recipientLines.removeIf(line -> line.getRole() == role);
        int position = 1;
        for (Recipient recipient : recipients) {
            recipientLines.add(new RecipientLine(this, role, position++, recipient));
        }
    }

    /** Gives the draft its number in the given series and makes it visible to its audience. */
    void publish(DocumentNumber number, String numberingSeries, LocalDate issuedOn, Instant at) {
        if (status != DispatchStatus.DRAFT) {
            throw new IllegalStateException("Only a draft can be published; this one is " + status);
        }
        this.number = Objects.requireNonNull(number);
        this.numberingSeries = Objects.requireNonNull(numberingSeries);
        this.issuedOn = Objects.requireNonNull(issuedOn);
        this.status = DispatchStatus.PUBLISHED;
        this.publishedAt = at;
        this.updatedAt = at;
    }

    Long getId() {
        return id;
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
        return new DispatchSummary(id, family, type.getCode(), type.getName(), notation(), issuedOn, issuerName,
                subject, visibility, status);
    }

    DispatchView toView(DispatchReference forwards, List<DispatchReference> forwardedBy) {
        String notation = notation();
        return new DispatchView(id, family, type.getCode(), type.getName(), notation,
                notation == null ? null : family.numberLine(notation), issuerName, superiorHeader, issuerHeader,
                issuedOn, place, subject, List.of(body.split("\\R\\s*\\R")), recipients(RecipientRole.ADDRESSEE),
                recipients(RecipientRole.DISTRIBUTION), signer, urgency, visibility, status, forwards,
                forwardsReference, forwardedBy);
    }

    private List<Recipient> recipients(RecipientRole role) {
        return recipientLines.stream()
                .filter(line -> line.getRole() == role)
                .map(RecipientLine::toRecipient)
                .toList();
    }
}
