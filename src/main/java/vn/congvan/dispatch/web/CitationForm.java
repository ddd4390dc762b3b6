package vn.congvan.dispatch.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import vn.congvan.extraction.Extraction;
import vn.congvan.extraction.Family;

/**
 * What fill.js posts to ask for the citation of the document it read (ADR 0065): the fields of the extraction API's
 * answer that a citation is made of. Posted, not put in a query string, so that a long subject is not cut by the
 * server's header limit; bounded here, each field by what the form or a heading can hold.
 */
public class CitationForm {

    /** A heading line or a type's name is far shorter; this bounds what is compared and written back. */
    static final int NAME_MAX = 500;

    private Family family;

    @Size(max = NAME_MAX)
    private String typeName;

    private Integer number;

    @Size(max = NAME_MAX)
    private String notation;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate issuedOn;

    @Size(max = NAME_MAX)
    private String issuer;

    @Size(max = NAME_MAX)
    private String issuerParent;

    @Size(max = DispatchForm.SUBJECT_MAX)
    private String subject;

    /** The document read, with only the fields a citation is made of. */
    Extraction toExtraction() {
        return new Extraction(
                family,
                typeName,
                number,
                notation,
                issuedOn,
                null,
                issuer,
                issuerParent,
                subject,
                List.of(),
                List.of(),
                null,
                Map.of(),
                List.of());
    }

    public Family getFamily() {
        return family;
    }

    public void setFamily(Family family) {
        this.family = family;
    }

    public String getTypeName() {
        return typeName;
    }

    public void setTypeName(String typeName) {
        this.typeName = typeName;
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
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

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getIssuerParent() {
        return issuerParent;
    }

    public void setIssuerParent(String issuerParent) {
        this.issuerParent = issuerParent;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }
}
