package vn.congvan.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes edXML messages in the layout of the national exchange's SDK (QCVN 102:2016, ADR 0041): a root {@code edXML}
 * holding the {@code edXMLEnvelope} (header and manifest) and, after it, the files base64-encoded in
 * {@code AttachmentEncoded}. Each file is copied from its stream through a base64 encoder into the XML writer a few
 * kilobytes at a time, so a message of any size is written in constant memory.
 */
final class EdxmlWriter {

    static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    static final String XLINK = "http://www.w3.org/1999/xlink";

    static final String PREFIX = "edXML";

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    /** The bytes of one attachment, opened when the writer reaches it. */
    interface Content {
        InputStream open() throws IOException;
    }

    record File(EdxmlMessage.Attachment attachment, Content content) {}

    private final XMLStreamWriter xml;

    private EdxmlWriter(OutputStream out) throws XMLStreamException {
        this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
    }

    /**
     * The message with its files; {@code documentId} is the SDK's "OrganId,yyyy/MM/dd,notation"; {@code sentAt} the
     * trace header's time. The files' metadata is the message's attachment list, in the same order.
     */
    static void message(EdxmlMessage message, List<File> files, LocalDateTime sentAt, OutputStream out)
            throws IOException {
        try {
            new EdxmlWriter(out).writeMessage(message, files, sentAt);
        } catch (XMLStreamException ex) {
            throw new IOException("edXML not written", ex);
        }
    }

    static void status(EdxmlStatus status, OutputStream out) throws IOException {
        try {
            new EdxmlWriter(out).writeStatus(status);
        } catch (XMLStreamException ex) {
            throw new IOException("edXML status not written", ex);
        }
    }

    static String documentId(EdxmlMessage message) {
        return nullToEmpty(message.from().organId()) + "," + date(message.promulgationDate()) + ","
                + nullToEmpty(message.fullNotation());
    }

    private void writeMessage(EdxmlMessage message, List<File> files, LocalDateTime sentAt)
            throws XMLStreamException, IOException {
        startDocument();
        xml.writeStartElement(PREFIX, "edXMLEnvelope", NAMESPACE);
        xml.writeStartElement(PREFIX, "edXMLHeader", NAMESPACE);
        xml.writeStartElement(PREFIX, "MessageHeader", NAMESPACE);
        organ("From", message.from());
        for (EdxmlMessage.Organ to : message.to()) {
            organ("To", to);
        }
        start("Code");
        leaf("CodeNumber", message.codeNumber());
        leaf("CodeNotation", message.codeNotation());
        end();
        start("PromulgationInfo");
        leaf("Place", message.place());
        leaf("PromulgationDate", date(message.promulgationDate()));
        end();
        start("DocumentType");
        leaf("Type", String.valueOf(message.documentType()));
        leaf("TypeName", message.documentTypeName());
        end();
        leaf("Subject", message.subject());
        leaf("Content", message.content());
        start("SignerInfo");
        EdxmlMessage.SignerInfo signer = message.signer();
        leaf("Competence", signer == null ? null : signer.competence());
        leaf("Position", signer == null ? null : signer.position());
        leaf("FullName", signer == null ? null : signer.fullName());
        end();
        leaf("DueDate", date(message.dueDate()));
        start("ToPlaces");
        for (String place : message.toPlaces()) {
            leaf("Place", place);
        }
        end();
        start("OtherInfo");
        leaf("Priority", String.valueOf(message.priority()));
        end();
        leaf("DocumentId", documentId(message));
        end();
        start("TraceHeaderList");
        start("TraceHeader");
        leaf("OrganId", message.from().organId());
        leaf("Timestamp", sentAt.format(TIMESTAMP));
        end();
        // BussinessDocType 0: a new document (not a revocation, an update or a replacement); the standard's spelling.
        start("Bussiness");
        leaf("BussinessDocType", "0");
        leaf("BussinessDocReason", "");
        leaf("Paper", "0");
        end();
        end();
        end();
        start("edXMLBody");
        start("edXMLManifest");
        xml.writeAttribute("version", "1.0");
        for (File file : files) {
            EdxmlMessage.Attachment attachment = file.attachment();
            start("Reference");
            xml.writeNamespace("xlink", XLINK);
            xml.writeAttribute("xlink", XLINK, "href", "cid:" + attachment.contentId());
            xml.writeAttribute("xlink", XLINK, "type", "simple");
            leaf("AttachmentName", attachment.attachmentName());
            leaf("Description", attachment.description());
            leaf("ContentType", attachment.contentType());
            end();
        }
        end();
        end();
        end();
        xml.writeStartElement(PREFIX, "AttachmentEncoded", NAMESPACE);
        for (File file : files) {
            EdxmlMessage.Attachment attachment = file.attachment();
            start("Attachment");
            leaf("ContentType", attachment.contentType());
            leaf("ContentId", attachment.contentId());
            leaf("Description", attachment.description());
            leaf("AttachmentName", attachment.attachmentName());
            start("ContentTransferEncoded");
            try (InputStream in = file.content().open();
                    OutputStream base64 = Base64.getEncoder().wrap(new CharactersOutput(xml))) {
                in.transferTo(base64);
            }
            end();
            end();
        }
        end();
        endDocument();
    }

    private void writeStatus(EdxmlStatus status) throws XMLStreamException {
        startDocument();
        xml.writeStartElement(PREFIX, "edXMLEnvelope", NAMESPACE);
        xml.writeStartElement(PREFIX, "edXMLHeader", NAMESPACE);
        start("Status");
        start("ResponseFor");
        leaf("OrganId", status.responseForOrganId());
        leaf("Code", status.responseForCode());
        leaf("PromulgationDate", date(status.responseForPromulgationDate()));
        leaf("DocumentId", status.responseForDocumentId());
        end();
        organ("From", status.from());
        leaf("StatusCode", status.statusCode().code());
        leaf("Description", status.description());
        leaf("Timestamp", status.timestamp().format(TIMESTAMP));
        start("StaffInfo");
        leaf("Department", status.staffDepartment());
        leaf("Staff", status.staffName());
        end();
        end();
        end();
        start("edXMLBody");
        end();
        end();
        endDocument();
    }

    private void startDocument() throws XMLStreamException {
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        xml.setPrefix(PREFIX, NAMESPACE);
        xml.setDefaultNamespace(NAMESPACE);
        xml.writeStartElement(NAMESPACE, "edXML");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeNamespace(PREFIX, NAMESPACE);
    }

    private void endDocument() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private void organ(String element, EdxmlMessage.Organ organ) throws XMLStreamException {
        start(element);
        leaf("OrganId", organ.organId());
        leaf("OrganizationInCharge", organ.organizationInCharge());
        leaf("OrganName", organ.organName());
        leaf("OrganAdd", organ.organAdd());
        end();
    }

    private void start(String name) throws XMLStreamException {
        xml.writeStartElement(PREFIX, name, NAMESPACE);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    private void leaf(String name, String text) throws XMLStreamException {
        start(name);
        if (text != null) {
            xml.writeCharacters(text);
        }
        end();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Base64 output (ASCII) handed to the XML writer as characters; closing it leaves the writer open. */
    private static final class CharactersOutput extends OutputStream {

        private final XMLStreamWriter xml;

        private final char[] chars = new char[8192];

        CharactersOutput(XMLStreamWriter xml) {
            this.xml = xml;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int done = 0;
            while (done < length) {
                int count = Math.min(chars.length, length - done);
                for (int index = 0; index < count; index++) {
                    chars[index] = (char) (bytes[offset + done + index] & 0xff);
                }
                try {
                    xml.writeCharacters(chars, 0, count);
                } catch (XMLStreamException ex) {
                    throw new IOException(ex);
                }
                done += count;
            }
        }
    }
}
