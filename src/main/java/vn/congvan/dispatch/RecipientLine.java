package vn.congvan.dispatch;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "dispatch_recipient_line")
class RecipientLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dispatch_id")
    private Dispatch dispatch;

    @Enumerated(EnumType.STRING)
    private RecipientRole role;

    private int position;

    private String printedText;

    private Long unitId;

    private Long groupId;

    protected RecipientLine() {}

    RecipientLine(Dispatch dispatch, RecipientRole role, int position, Recipient recipient) {
        this.dispatch = dispatch;
        this.role = role;
        this.position = position;
        this.printedText = recipient.printedText();
        this.unitId = recipient.unitId();
        this.groupId = recipient.groupId();
    }

    /** Takes another recipient at the given place; the row stays, so no other line's position is disturbed. */
    void rewrite(int position, Recipient recipient) {
        this.position = position;
        this.printedText = recipient.printedText();
        this.unitId = recipient.unitId();
        this.groupId = recipient.groupId();
    }

    RecipientRole getRole() {
        return role;
    }

    int getPosition() {
        return position;
    }

    Recipient toRecipient() {
        return new Recipient(printedText, unitId, groupId);
    }
}
