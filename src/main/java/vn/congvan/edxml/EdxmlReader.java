package vn.congvan.edxml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads edXML messages safely (ADR 0041): the JDK's StAX parser with DTDs off and no external access, a document
 * type declaration refused as soon as it is met (so no entity, internal or external, is ever declared, let alone
 * expanded), a limit on the bytes read, on the depth and on every header text. Elements are matched by local name,
 * whatever the prefix and namespace, as the e-office systems in use write them differently. The files are decoded
 * from base64 as their text arrives, into temporary files: never held whole.
 */
final class EdxmlReader {

    /** An upload is cut at the container's multipart limit first; this bounds a message read from elsewhere. */
    static final long MAX_MESSAGE_BYTES = 256L * 1024 * 1024;

    private static final int MAX_TEXT = 64 * 1024;

    private static final int MAX_DEPTH = 32;

    private static final int MAX_FILES = 100;

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy/MM/dd"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd"),
            DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            DateTimeFormatter.ofPattern("d/M/yyyy"));

    private static final List<DateTimeFormatter> TIMES = List.of(
            EdxmlWriter.TIMESTAMP,
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private EdxmlReader() {}

    /** A message read: its header and, by ContentId, the temporary file of each attachment; closing deletes them. */
    record Read(EdxmlMessage message, Map<String, Path> files) implements AutoCloseable {

        @Override
        public void close() {
            for (Path file : files.values()) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
    }

    static Read message(InputStream in, long maxBytes) throws IOException {
        MessageHandler handler = new MessageHandler();
        try {
            parse(in, maxBytes, handler);
            return handler.finish();
        } catch (RuntimeException | IOException ex) {
            handler.discard();
            throw ex;
        }
    }

    static EdxmlStatus status(InputStream in, long maxBytes) throws IOException {
        StatusHandler handler = new StatusHandler();
        parse(in, maxBytes, handler);
        return handler.finish();
    }

    static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External resources are not read");
        });
        return factory;
    }

    /** What one kind of document does with the elements met. */
    private interface Handler {
        void start(List<String> path, XMLStreamReader reader) throws IOException;

        void text(List<String> path, char[] chars, int start, int length) throws IOException;

        void end(List<String> path, String text) throws IOException;
    }

    private static void parse(InputStream in, long maxBytes, Handler handler) throws IOException {
        XMLStreamReader reader = null;
        Deque<String> stack = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        try {
            reader = safeFactory().createXMLStreamReader(new Limited(in, maxBytes));
            boolean rootSeen = false;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD,
                            XMLStreamConstants.ENTITY_REFERENCE,
                            XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new EdxmlRejectedException("edxml.error.dtd", null);
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (!rootSeen) {
                            rootSeen = true;
                            String root = reader.getLocalName();
                            if (!"edXML".equals(root) && !"Envelope".equals(root)) {
                                throw new EdxmlRejectedException("edxml.error.notEdxml", root);
                            }
                        }
                        stack.addLast(reader.getLocalName());
                        if (stack.size() > MAX_DEPTH) {
                            throw new EdxmlRejectedException("edxml.error.malformed", reader.getLocalName());
                        }
                        text.setLength(0);
                        handler.start(List.copyOf(stack), reader);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        List<String> path = List.copyOf(stack);
                        if ("ContentTransferEncoded".equals(stack.peekLast())) {
                            handler.text(
                                    path, reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        } else {
                            if (text.length() + reader.getTextLength() > MAX_TEXT) {
                                throw new EdxmlRejectedException("edxml.error.tooLong", stack.peekLast());
                            }
                            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        handler.end(List.copyOf(stack), text.toString().strip());
                        text.setLength(0);
                        stack.removeLast();
                    }
                    default -> {}
                }
            }
            if (!rootSeen) {
                throw new EdxmlRejectedException("edxml.error.malformed", null);
            }
        } catch (XMLStreamException ex) {
            if (ex.getNestedException() instanceof TooLarge) {
                throw new EdxmlRejectedException("edxml.error.tooLarge", null, ex);
            }
            throw new EdxmlRejectedException("edxml.error.malformed", null, ex);
        } catch (TooLarge ex) {
            throw new EdxmlRejectedException("edxml.error.tooLarge", null, ex);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ex) {
                    // Nothing held that closing could free; the input stream is the caller's.
                }
            }
        }
    }

    /** The path ends with these names (so that any wrapper above them is accepted). */
    private static boolean endsWith(List<String> path, String... names) {
        if (path.size() < names.length) {
            return false;
        }
        for (int index = 0; index < names.length; index++) {
            if (!path.get(path.size() - names.length + index).equals(names[index])) {
                return false;
            }
        }
        return true;
    }

    private static final class MessageHandler implements Handler {

        private boolean header;

        private final Map<String, String> fields = new LinkedHashMap<>();

        private OrganBuilder from;

        private final List<OrganBuilder> to = new ArrayList<>();

        private final List<String> toPlaces = new ArrayList<>();

        private final Set<String> manifest = new LinkedHashSet<>();

        private final List<EdxmlMessage.Attachment> attachments = new ArrayList<>();

        private final Map<String, Path> files = new LinkedHashMap<>();

        private Map<String, String> attachment;

        private Path file;

        private OutputStream decoded;

        private final StringBuilder pending = new StringBuilder();

        @Override
        public void start(List<String> path, XMLStreamReader reader) throws IOException {
            if (endsWith(path, "MessageHeader")) {
                header = true;
            } else if (endsWith(path, "MessageHeader", "From")) {
                from = new OrganBuilder();
            } else if (endsWith(path, "MessageHeader", "To")) {
                to.add(new OrganBuilder());
            } else if (endsWith(path, "Manifest", "Reference") || endsWith(path, "edXMLManifest", "Reference")) {
                String href = reader.getAttributeValue(EdxmlWriter.XLINK, "href");
                if (href != null) {
                    manifest.add(href.startsWith("cid:") ? href.substring(4) : href);
                }
            } else if (endsWith(path, "AttachmentEncoded", "Attachment")) {
                if (attachments.size() >= MAX_FILES) {
                    throw new EdxmlRejectedException("edxml.error.tooManyFiles", String.valueOf(MAX_FILES));
                }
                attachment = new LinkedHashMap<>();
            } else if (attachment != null && endsWith(path, "Attachment", "ContentTransferEncoded")) {
                file = Files.createTempFile("edxml-", ".part");
                decoded = Files.newOutputStream(file);
                pending.setLength(0);
            }
        }

        @Override
        public void text(List<String> path, char[] chars, int start, int length) throws IOException {
            if (decoded == null) {
                return;
            }
            for (int index = start; index < start + length; index++) {
                char c = chars[index];
                if (!Character.isWhitespace(c)) {
                    pending.append(c);
                }
            }
            if (pending.length() >= 8192) {
                int whole = pending.length() - pending.length() % 4;
                decode(pending.substring(0, whole));
                pending.delete(0, whole);
            }
        }

        @Override
        public void end(List<String> path, String text) throws IOException {
            String name = path.get(path.size() - 1);
            if (attachment != null) {
                if (endsWith(path, "Attachment", "ContentTransferEncoded") && decoded != null) {
                    if (pending.length() % 4 != 0) {
                        throw new EdxmlRejectedException("edxml.error.base64", attachment.get("AttachmentName"));
                    }
                    decode(pending.toString());
                    pending.setLength(0);
                    decoded.close();
                    decoded = null;
                } else if (endsWith(path, "AttachmentEncoded", "Attachment")) {
                    finishAttachment();
                } else {
                    attachment.put(name, text);
                }
                return;
            }
            if (!header) {
                return;
            }
            if (endsWith(path, "MessageHeader")) {
                header = false;
            } else if (path.contains("From") && from != null && endsWith(path, "From", name)) {
                from.set(name, text);
            } else if (!to.isEmpty() && endsWith(path, "To", name)) {
                to.get(to.size() - 1).set(name, text);
            } else if (endsWith(path, "ToPlaces", "Place")) {
                if (!text.isEmpty()) {
                    toPlaces.add(text);
                }
            } else {
                String parent = path.get(path.size() - 2);
                fields.put("MessageHeader".equals(parent) ? name : parent + "/" + name, text);
            }
        }

        private void decode(String base64) throws IOException {
            try {
                decoded.write(Base64.getDecoder().decode(base64));
            } catch (IllegalArgumentException ex) {
                throw new EdxmlRejectedException("edxml.error.base64", attachment.get("AttachmentName"), ex);
            }
        }

        private void finishAttachment() {
            String contentId = attachment.getOrDefault("ContentId", "");
            if (contentId.startsWith("cid:")) {
                contentId = contentId.substring(4);
            }
            String name = attachment.get("AttachmentName");
            if (contentId.isBlank() || name == null || name.isBlank() || file == null) {
                throw new EdxmlRejectedException("edxml.error.attachment", name);
            }
            if (files.containsKey(contentId)) {
                throw new EdxmlRejectedException("edxml.error.attachment", name);
            }
            attachments.add(new EdxmlMessage.Attachment(
                    contentId,
                    blankToNull(attachment.get("ContentType")),
                    blankToNull(attachment.get("Description")),
                    name));
            files.put(contentId, file);
            file = null;
            attachment = null;
        }

        Read finish() {
            if (from == null || (from.get("OrganId") == null && from.get("OrganName") == null)) {
                throw new EdxmlRejectedException("edxml.error.missing", "From");
            }
            String subject = blankToNull(fields.get("Subject"));
            if (subject == null) {
                throw new EdxmlRejectedException("edxml.error.missing", "Subject");
            }
            String notation = blankToNull(fields.get("Code/CodeNotation"));
            if (notation == null) {
                throw new EdxmlRejectedException("edxml.error.missing", "Code/CodeNotation");
            }
            LocalDate promulgated = date(fields.get("PromulgationInfo/PromulgationDate"), "PromulgationDate");
            if (promulgated == null) {
                throw new EdxmlRejectedException("edxml.error.missing", "PromulgationInfo/PromulgationDate");
            }
            for (String contentId : manifest) {
                if (!files.containsKey(contentId)) {
                    throw new EdxmlRejectedException("edxml.error.attachment", contentId);
                }
            }
            String competence = blankToNull(fields.get("SignerInfo/Competence"));
            String position = blankToNull(fields.get("SignerInfo/Position"));
            String fullName = blankToNull(fields.get("SignerInfo/FullName"));
            EdxmlMessage message = new EdxmlMessage(
                    from.build(),
                    to.stream().map(OrganBuilder::build).toList(),
                    blankToNull(fields.get("Code/CodeNumber")),
                    notation,
                    blankToNull(fields.get("PromulgationInfo/Place")),
                    promulgated,
                    integer(fields.get("DocumentType/Type"), 0, "DocumentType/Type"),
                    blankToNull(fields.get("DocumentType/TypeName")),
                    subject,
                    blankToNull(fields.get("Content")),
                    competence == null && position == null && fullName == null
                            ? null
                            : new EdxmlMessage.SignerInfo(competence, position, fullName),
                    priority(
                            fields.containsKey("OtherInfo/Priority")
                                    ? fields.get("OtherInfo/Priority")
                                    : fields.get("Priority")),
                    date(fields.get("DueDate"), "DueDate"),
                    toPlaces,
                    attachments);
            return new Read(message, Map.copyOf(files));
        }

        void discard() {
            try {
                if (decoded != null) {
                    decoded.close();
                }
                if (file != null) {
                    Files.deleteIfExists(file);
                }
                for (Path each : files.values()) {
                    Files.deleteIfExists(each);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private static final class StatusHandler implements Handler {

        private final Map<String, String> fields = new LinkedHashMap<>();

        private boolean seen;

        @Override
        public void start(List<String> path, XMLStreamReader reader) {
            if (endsWith(path, "Status")) {
                seen = true;
            }
        }

        @Override
        public void text(List<String> path, char[] chars, int start, int length) {}

        @Override
        public void end(List<String> path, String text) {
            int status = path.lastIndexOf("Status");
            if (status < 0 || status == path.size() - 1) {
                return;
            }
            fields.put(String.join("/", path.subList(status + 1, path.size())), text);
        }

        EdxmlStatus finish() {
            if (!seen) {
                throw new EdxmlRejectedException("edxml.error.missing", "Status");
            }
            EdxmlStatusCode code = EdxmlStatusCode.ofCode(fields.get("StatusCode"))
                    .orElseThrow(() -> new EdxmlRejectedException("edxml.error.statusCode", fields.get("StatusCode")));
            String timestamp = fields.get("Timestamp");
            if (timestamp == null || timestamp.isBlank()) {
                throw new EdxmlRejectedException("edxml.error.missing", "Timestamp");
            }
            return new EdxmlStatus(
                    blankToNull(fields.get("ResponseFor/OrganId")),
                    blankToNull(fields.get("ResponseFor/Code")),
                    date(fields.get("ResponseFor/PromulgationDate"), "ResponseFor/PromulgationDate"),
                    blankToNull(fields.get("ResponseFor/DocumentId")),
                    new EdxmlMessage.Organ(
                            blankToNull(fields.get("From/OrganId")),
                            blankToNull(fields.get("From/OrganName")),
                            blankToNull(fields.get("From/OrganizationInCharge")),
                            blankToNull(fields.get("From/OrganAdd"))),
                    code,
                    blankToNull(fields.get("Description")),
                    timestamp(timestamp),
                    blankToNull(fields.get("StaffInfo/Department")),
                    blankToNull(fields.get("StaffInfo/Staff")));
        }
    }

    private static final class OrganBuilder {

        private final Map<String, String> parts = new LinkedHashMap<>();

        void set(String name, String text) {
            parts.put(name, text);
        }

        String get(String name) {
            return blankToNull(parts.get(name));
        }

        EdxmlMessage.Organ build() {
            return new EdxmlMessage.Organ(
                    get("OrganId"), get("OrganName"), get("OrganizationInCharge"), get("OrganAdd"));
        }
    }

    static LocalDate date(String text, String part) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String day = text.strip().split("[ T]")[0];
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(day, format);
            } catch (DateTimeParseException ex) {
                // The next form, then a refusal.
            }
        }
        throw new EdxmlRejectedException("edxml.error.date", part);
    }

    private static LocalDateTime timestamp(String text) {
        for (DateTimeFormatter format : TIMES) {
            try {
                return LocalDateTime.parse(text.strip(), format);
            } catch (DateTimeParseException ex) {
                // The next form, then a refusal.
            }
        }
        throw new EdxmlRejectedException("edxml.error.date", "Timestamp");
    }

    private static int integer(String text, int absent, String part) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException ex) {
            throw new EdxmlRejectedException("edxml.error.number", part);
        }
    }

    /** Priority 0–4 (thường … hỏa tốc hẹn giờ); anything else is refused rather than guessed. */
    private static int priority(String text) {
        int priority = integer(text, 0, "Priority");
        if (priority < 0 || priority > 4) {
            throw new EdxmlRejectedException("edxml.error.number", "Priority");
        }
        return priority;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Raised by the input when the message is longer than allowed. */
    private static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("edXML message too large");
        }
    }

    /** The input, cut off with {@link TooLarge} after {@code max} bytes. */
    private static final class Limited extends FilterInputStream {

        private final long max;

        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(long read) throws TooLarge {
            count += read;
            if (count > max) {
                throw new TooLarge();
            }
        }
    }
}
