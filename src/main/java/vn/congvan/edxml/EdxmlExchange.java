package vn.congvan.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.account.CurrentUser;
import vn.congvan.attachment.AttachmentView;
import vn.congvan.attachment.Attachments;
import vn.congvan.attachment.SignedCopies;
import vn.congvan.dispatch.DispatchCatalog;
import vn.congvan.dispatch.DispatchNotFoundException;
import vn.congvan.dispatch.DispatchView;
import vn.congvan.dispatch.Recipient;
import vn.congvan.dispatch.Viewer;
import vn.congvan.incoming.IncomingEntry;
import vn.congvan.incoming.IncomingEntryNotFoundException;
import vn.congvan.incoming.IncomingFile;
import vn.congvan.incoming.IncomingRegister;
import vn.congvan.incoming.ManualEntry;
import vn.congvan.incoming.PreparedFiles;
import vn.congvan.organization.OrganizationDirectory;
import vn.congvan.organization.UnitSummary;
import vn.congvan.system.Times;

/**
 * edXML in and out (ADR 0041): a published dispatch as a message, for its issuer's clerk or for the clerk of a unit
 * that received it; a message uploaded by a clerk registered in the unit's incoming register, its files checked and
 * scanned as any upload; status messages that answer a received document, written and read.
 */
@Service
public class EdxmlExchange {

    /** DocumentType/Type: the portal's documents are administrative ones (văn bản hành chính). */
    static final int ADMINISTRATIVE = 2;

    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)[-/](.+)$");

    private final DispatchCatalog catalog;

    private final Attachments attachments;

    private final SignedCopies signedCopies;

    private final OrganizationDirectory organization;

    private final IncomingRegister register;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final Clock clock;

    EdxmlExchange(
            DispatchCatalog catalog,
            Attachments attachments,
            SignedCopies signedCopies,
            OrganizationDirectory organization,
            IncomingRegister register,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.catalog = catalog;
        this.attachments = attachments;
        this.signedCopies = signedCopies;
        this.organization = organization;
        this.register = register;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A prepared export: the header, known before a byte is written (so a missing dispatch is still a 404). */
    public final class Export {

        private final EdxmlMessage message;

        private final List<EdxmlWriter.File> files;

        private Export(EdxmlMessage message, List<EdxmlWriter.File> files) {
            this.message = message;
            this.files = files;
        }

        public EdxmlMessage message() {
            return message;
        }

        /** Writes the message, copying each file from storage as it comes. */
        public void writeTo(OutputStream out) throws IOException {
            EdxmlWriter.message(message, files, LocalDateTime.now(clock.withZone(Times.VIETNAM)), out);
        }
    }

    /** A published dispatch of the clerk's unit as an edXML message; anything else is not found. */
    public Export export(Long dispatchId, Viewer clerk) {
        DispatchView dispatch = catalog.visibleDispatch(dispatchId, clerk)
                .filter(DispatchView::isPublished)
                .filter(view -> clerk.isClerkOf(view.issuerUnitId()))
                .orElseThrow(() -> new DispatchNotFoundException(dispatchId));
        return export(dispatch, attachments.ofDispatch(dispatchId));
    }

    /** The dispatch an entry of the clerk's register came as, if it may still be read, as an edXML message. */
    public Export exportReceived(Long entryId, CurrentUser clerk) {
        IncomingEntry entry =
                register.entry(entryId, clerk).orElseThrow(() -> new IncomingEntryNotFoundException(entryId));
        DispatchView dispatch = register.document(entry, clerk)
                .filter(DispatchView::isPublished)
                .orElseThrow(() -> new IncomingEntryNotFoundException(entryId));
        return export(dispatch, register.files(entry, clerk));
    }

    private Export export(DispatchView dispatch, List<AttachmentView> stored) {
        UnitSummary issuer = organization
                .unit(dispatch.issuerUnitId())
                .orElseThrow(() -> new DispatchNotFoundException(dispatch.id()));
        Map<Long, UnitSummary> receivers = organization.unitsById(catalog.recipientUnitIds(dispatch.id()));
        List<EdxmlMessage.Organ> to = catalog.recipientUnitIds(dispatch.id()).stream()
                .map(receivers::get)
                .filter(java.util.Objects::nonNull)
                .map(unit -> new EdxmlMessage.Organ(unit.code(), unit.name(), null, null))
                .toList();
        List<EdxmlWriter.File> files = new ArrayList<>();
        List<EdxmlMessage.Attachment> listed = new ArrayList<>();
        for (AttachmentView file : stored) {
            if (!file.servable()) {
                continue;
            }
            EdxmlMessage.Attachment attachment = new EdxmlMessage.Attachment(
                    "tep-" + file.id(),
                    file.contentType(),
                    AttachmentDescriptions.describe(file.kind(), file.title()),
                    file.originalFilename());
            listed.add(attachment);
            files.add(new EdxmlWriter.File(attachment, () -> signedCopies.openPublished(file)));
        }
        String[] code = splitNotation(dispatch.notation());
        EdxmlMessage message = new EdxmlMessage(
                new EdxmlMessage.Organ(issuer.code(), dispatch.issuerName(), dispatch.superiorHeader(), null),
                to,
                code[0],
                code[1],
                dispatch.place(),
                dispatch.issuedOn(),
                ADMINISTRATIVE,
                dispatch.typeName(),
                dispatch.subject(),
                String.join("\n\n", dispatch.bodyParagraphs()),
                dispatch.signer() == null
                        ? null
                        : new EdxmlMessage.SignerInfo(
                                dispatch.signer().competenceLine(),
                                dispatch.signer().position(),
                                dispatch.signer().fullName()),
                dispatch.urgency() == null ? 0 : dispatch.urgency().code(),
                dispatch.reportDueOn(),
                dispatch.distribution().stream().map(Recipient::printedText).toList(),
                listed);
        return new Export(message, files);
    }

    /** "65-CV/BTGQU" → "65", "CV/BTGQU"; "05/QĐ-UBND" → "05", "QĐ-UBND"; a notation without a number stays whole. */
    static String[] splitNotation(String notation) {
        if (notation == null) {
            return new String[] {null, null};
        }
        Matcher matcher = NUMBERED.matcher(notation);
        return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : new String[] {null, notation};
    }

    /** Reads a message without registering it (the parser alone; its files are discarded). */
    public EdxmlMessage read(InputStream message) throws IOException {
        try (EdxmlReader.Read read = EdxmlReader.message(message, EdxmlReader.MAX_MESSAGE_BYTES)) {
            return read.message();
        }
    }

    /**
     * Registers an uploaded edXML message in the clerk's incoming register, its files with it (checked and scanned as
     * any upload: a refused file refuses the whole message). Answers the entry's id.
     */
    public Long register(InputStream message, CurrentUser clerk) throws IOException {
        try {
            return registerRead(message, clerk);
        } catch (java.io.UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    private Long registerRead(InputStream message, CurrentUser clerk) throws IOException {
        try (EdxmlReader.Read read = EdxmlReader.message(message, EdxmlReader.MAX_MESSAGE_BYTES)) {
            EdxmlMessage header = read.message();
            LocalDate today = LocalDate.now(clock.withZone(Times.VIETNAM));
            if (header.promulgationDate().isAfter(today)) {
                throw new EdxmlRejectedException("edxml.error.future", "PromulgationDate");
            }
            String sender = header.from().organName() != null
                    ? header.from().organName()
                    : header.from().organId();
            requireLength(sender, 255, "From/OrganName");
            requireLength(header.fullNotation(), 100, "Code");
            requireLength(header.subject(), 1000, "Subject");
            ManualEntry entry = new ManualEntry(
                    today,
                    sender,
                    header.fullNotation(),
                    header.promulgationDate(),
                    typeCode(header.documentTypeName()),
                    header.subject(),
                    header.dueDate(),
                    null,
                    header.signer() == null ? null : header.signer().competence(),
                    header.signer() == null ? null : header.signer().position(),
                    header.signer() == null ? null : header.signer().fullName());
            // The files are received, scanned and stored before the register is held (ADR 0070).
            try (PreparedFiles prepared = prepare(header, read)) {
                return transactions.execute(status -> {
                    refuseIfRegistered(header, clerk);
                    Long id = register.register(entry, prepared, clerk);
                    remember(id, header);
                    return id;
                });
            }
        }
    }

    private PreparedFiles prepare(EdxmlMessage header, EdxmlReader.Read read) throws IOException {
        List<InputStream> opened = new ArrayList<>();
        try {
            List<IncomingFile> files = new ArrayList<>();
            for (EdxmlMessage.Attachment attachment : header.attachments()) {
                Path file = read.files().get(attachment.contentId());
                InputStream in = Files.newInputStream(file);
                opened.add(in);
                AttachmentDescriptions.Described described = AttachmentDescriptions.read(attachment.description());
                files.add(new IncomingFile(attachment.attachmentName(), in, described.title(), described.kind()));
            }
            return register.prepare(files);
        } finally {
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ex) {
                    // A temporary file's stream; the file is deleted when the message is closed.
                }
            }
        }
    }

    /**
     * A message sent again (a retry of the other system, a clerk uploading the file twice) is the same document: its
     * DocumentId (sender, date, số and ký hiệu) already stands in the clerk's register. Checked with the register held,
     * so that two uploads at once register it once.
     */
    private void refuseIfRegistered(EdxmlMessage header, CurrentUser clerk) {
        register.holdRegister(clerk);
        String documentId = EdxmlWriter.documentId(header);
        List<IncomingEntry> same = register.sameDocument(header.fullNotation(), header.promulgationDate(), clerk);
        if (same.isEmpty()) {
            return;
        }
        // One query for every entry of the same số, ký hiệu and date, not one each.
        List<Long> received = jdbc.query(
                "select entry_id from edxml_received where document_id = ? and entry_id = any(?)",
                statement -> {
                    statement.setString(1, documentId);
                    statement.setArray(
                            2,
                            statement
                                    .getConnection()
                                    .createArrayOf(
                                            "bigint",
                                            same.stream().map(IncomingEntry::id).toArray()));
                },
                (rs, row) -> rs.getLong(1));
        same.stream().filter(entry -> received.contains(entry.id())).findFirst().ifPresent(entry -> {
            throw new EdxmlRejectedException("edxml.error.alreadyRegistered", entry.number() + "/" + entry.year());
        });
    }

    private void remember(Long entryId, EdxmlMessage header) {
        EdxmlMessage.SignerInfo signer = header.signer();
        jdbc.update("""
                insert into edxml_received (entry_id, organ_id, organ_name, code_number, code_notation, place,
                    promulgation_date, document_type, document_type_name, signer_competence, signer_position,
                    signer_name, priority, due_date, to_places, content, document_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, (java.sql.PreparedStatement insert) -> {
            insert.setLong(1, entryId);
            insert.setString(2, header.from().organId());
            insert.setString(3, header.from().organName());
            insert.setString(4, header.codeNumber());
            insert.setString(5, header.codeNotation());
            insert.setString(6, header.place());
            insert.setObject(7, header.promulgationDate());
            insert.setInt(8, header.documentType());
            insert.setString(9, header.documentTypeName());
            insert.setString(10, signer == null ? null : signer.competence());
            insert.setString(11, signer == null ? null : signer.position());
            insert.setString(12, signer == null ? null : signer.fullName());
            insert.setInt(13, header.priority());
            insert.setObject(14, header.dueDate());
            insert.setArray(
                    15,
                    insert.getConnection()
                            .createArrayOf("text", header.toPlaces().toArray()));
            insert.setString(16, header.content());
            insert.setString(17, EdxmlWriter.documentId(header));
        });
    }

    /**
     * The header kept with an entry registered from an edXML message (without its receivers and files, which the
     * register holds); empty for an entry of another unit or one that did not come as edXML.
     */
    public Optional<EdxmlMessage> received(Long entryId, CurrentUser clerk) {
        IncomingEntry entry =
                register.entry(entryId, clerk).orElseThrow(() -> new IncomingEntryNotFoundException(entryId));
        return jdbc
                .query(
                        "select * from edxml_received where entry_id = ?",
                        (rs, row) -> new EdxmlMessage(
                                new EdxmlMessage.Organ(
                                        rs.getString("organ_id"), rs.getString("organ_name"), null, null),
                                List.of(),
                                rs.getString("code_number"),
                                rs.getString("code_notation"),
                                rs.getString("place"),
                                rs.getObject("promulgation_date", LocalDate.class),
                                rs.getInt("document_type"),
                                rs.getString("document_type_name"),
                                entry.subject(),
                                rs.getString("content"),
                                rs.getString("signer_competence") == null
                                                && rs.getString("signer_position") == null
                                                && rs.getString("signer_name") == null
                                        ? null
                                        : new EdxmlMessage.SignerInfo(
                                                rs.getString("signer_competence"),
                                                rs.getString("signer_position"),
                                                rs.getString("signer_name")),
                                rs.getInt("priority"),
                                rs.getObject("due_date", LocalDate.class),
                                List.of((String[]) rs.getArray("to_places").getArray()),
                                List.of()),
                        entry.id())
                .stream()
                .findFirst();
    }

    /**
     * A status message answering the document of an entry of the clerk's register: from the clerk's unit to the
     * sender (its code in the exchange: the portal unit's, or the OrganId of the message it came as).
     */
    public EdxmlStatus status(Long entryId, EdxmlStatusCode code, String description, CurrentUser clerk) {
        IncomingEntry entry =
                register.entry(entryId, clerk).orElseThrow(() -> new IncomingEntryNotFoundException(entryId));
        UnitSummary unit =
                organization.unit(entry.unitId()).orElseThrow(() -> new IncomingEntryNotFoundException(entryId));
        String senderOrganId;
        String documentId;
        if (entry.senderUnitId() != null) {
            senderOrganId = organization
                    .unit(entry.senderUnitId())
                    .map(UnitSummary::code)
                    .orElse(null);
            documentId = senderOrganId + ","
                    + (entry.issuedOn() == null ? "" : entry.issuedOn().format(EdxmlWriter.DATE)) + ","
                    + (entry.notation() == null ? "" : entry.notation());
        } else {
            List<String[]> received = jdbc.query(
                    "select organ_id, document_id from edxml_received where entry_id = ?",
                    (rs, row) -> new String[] {rs.getString(1), rs.getString(2)},
                    entry.id());
            senderOrganId = received.isEmpty() ? null : received.get(0)[0];
            documentId = received.isEmpty() ? null : received.get(0)[1];
        }
        return new EdxmlStatus(
                senderOrganId,
                entry.notation(),
                entry.issuedOn(),
                documentId,
                new EdxmlMessage.Organ(unit.code(), unit.name(), null, null),
                code,
                description == null || description.isBlank() ? code.description() : description.strip(),
                LocalDateTime.now(clock.withZone(Times.VIETNAM)).withNano(0),
                unit.name(),
                clerk.displayName());
    }

    public void writeStatus(EdxmlStatus status, OutputStream out) throws IOException {
        EdxmlWriter.status(status, out);
    }

    /** Reads a status message (safely, as a message). */
    public EdxmlStatus readStatus(InputStream message) throws IOException {
        return EdxmlReader.status(message, EdxmlReader.MAX_MESSAGE_BYTES);
    }

    /** The register's type whose name the message gives (case and accents as written); a công văn otherwise. */
    private String typeCode(String typeName) {
        if (typeName != null) {
            String wanted = typeName.strip().toLowerCase(Locale.forLanguageTag("vi"));
            for (Map.Entry<String, String> type : catalog.documentTypes().entrySet()) {
                if (type.getValue().toLowerCase(Locale.forLanguageTag("vi")).equals(wanted)) {
                    return type.getKey();
                }
            }
        }
        return "CV";
    }

    private static void requireLength(String text, int max, String part) {
        if (text != null && text.length() > max) {
            throw new EdxmlRejectedException("edxml.error.tooLong", part);
        }
    }
}
