package vn.congvan.incoming.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.congvan.incoming.ManualEntry;

/** "Vào sổ văn bản đến": a document from a sender outside the portal, as the clerk reads it from the paper. */
public class ManualEntryForm {

    @NotNull(message = "{incoming.form.receivedOn.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate receivedOn;

    @NotBlank(message = "{incoming.form.sender.required}")
    @Size(max = 255, message = "{incoming.form.sender.size}")
    private String senderName;

    @Size(max = 100, message = "{incoming.form.notation.size}")
    private String notation;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate issuedOn;

    @NotBlank(message = "{incoming.form.type.required}")
    private String typeCode = "CV";

    @NotBlank(message = "{incoming.form.subject.required}")
    @Size(max = 1000, message = "{incoming.form.subject.size}")
    private String subject;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueOn;

    @Size(max = 1000, message = "{incoming.form.note.size}")
    private String note;

    /** The signer as printed at the document's foot, competence and authority together ("K/T TRƯỞNG BAN"). */
    @Size(max = 300, message = "{incoming.form.signerCompetence.size}")
    private String signerCompetence;

    @Size(max = 255, message = "{incoming.form.signerPosition.size}")
    private String signerPosition;

    @Size(max = 255, message = "{incoming.form.signerName.size}")
    private String signerName;

    /** Ticked by the clerk after being told the register seems to hold this document already: register it anyway. */
    private boolean registerAgain;

    /** A document cannot come before it was issued; the controller shows it beside the date received. */
    boolean receivedAfterIssue() {
        return receivedOn == null || issuedOn == null || !receivedOn.isBefore(issuedOn);
    }

    ManualEntry toEntry() {
        return new ManualEntry(
                receivedOn,
                senderName,
                notation,
                issuedOn,
                typeCode,
                subject,
                dueOn,
                note,
                signerCompetence,
                signerPosition,
                signerName);
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public String getNotation() {
        return notation;
    }

    public void setNotation(String notation) {
        this.notation = notation;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }

    public String getTypeCode() {
        return typeCode;
    }

    public void setTypeCode(String typeCode) {
        this.typeCode = typeCode;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getSignerCompetence() {
        return signerCompetence;
    }

    public void setSignerCompetence(String signerCompetence) {
        this.signerCompetence = signerCompetence;
    }

    public String getSignerPosition() {
        return signerPosition;
    }

    public void setSignerPosition(String signerPosition) {
        this.signerPosition = signerPosition;
    }

    public String getSignerName() {
        return signerName;
    }

    public void setSignerName(String signerName) {
        this.signerName = signerName;
    }

    public boolean isRegisterAgain() {
        return registerAgain;
    }

    public void setRegisterAgain(boolean registerAgain) {
        this.registerAgain = registerAgain;
    }
}
