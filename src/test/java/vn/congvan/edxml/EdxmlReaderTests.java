package vn.congvan.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdxmlReaderTests {

    static final LocalDateTime SENT = LocalDateTime.of(2023, 7, 12, 8, 30, 15);

    @Test
    void aMessageWrittenIsReadBackWithEveryFieldAndEveryByte() throws IOException {
        byte[] everyByte = new byte[256 * 97];
        for (int index = 0; index < everyByte.length; index++) {
            everyByte[index] = (byte) index;
        }
        byte[] text = "Nội dung tệp thứ hai: đ, ư, ơ, ạ.".getBytes(StandardCharsets.UTF_8);
        EdxmlMessage message = message(List.of(
                new EdxmlMessage.Attachment("tep-1", "application/pdf", "Công văn <chính> & \"phụ lục\"", "65-CV.pdf"),
                new EdxmlMessage.Attachment("tep-2", "text/plain", null, "Phụ lục 1.txt")));

        byte[] xml = write(message, List.of(everyByte, text));
        try (EdxmlReader.Read read = EdxmlReader.message(new ByteArrayInputStream(xml), 10_000_000)) {
            assertThat(read.message()).isEqualTo(message);
            assertThat(Files.readAllBytes(read.files().get("tep-1"))).isEqualTo(everyByte);
            assertThat(Files.readAllBytes(read.files().get("tep-2"))).isEqualTo(text);
        }
    }

    @Test
    void theTemporaryFilesAreDeletedWhenTheMessageIsClosed() throws IOException {
        byte[] xml = write(
                message(List.of(new EdxmlMessage.Attachment("a", "application/pdf", "A", "a.pdf"))),
                List.of(new byte[] {1, 2, 3}));
        Path file;
        try (EdxmlReader.Read read = EdxmlReader.message(new ByteArrayInputStream(xml), 10_000)) {
            file = read.files().get("a");
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path directory) throws IOException {
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "BI-MAT-KHONG-DUOC-DOC");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE edXML [<!ENTITY xxe SYSTEM "%s">]>
                <edXML><edXMLEnvelope><edXMLHeader><MessageHeader>
                <From><OrganId>X</OrganId><OrganName>&xxe;</OrganName></From>
                <Code><CodeNumber>1</CodeNumber><CodeNotation>CV/X</CodeNotation></Code>
                <PromulgationInfo><PromulgationDate>2023/07/12</PromulgationDate></PromulgationInfo>
                <Subject>&xxe;</Subject>
                </MessageHeader></edXMLHeader></edXMLEnvelope></edXML>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> EdxmlReader.message(stream(xml), 100_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .hasMessageNotContaining("BI-MAT")
                .extracting(ex -> ((EdxmlRejectedException) ex).messageKey())
                .isEqualTo("edxml.error.dtd");
    }

    @Test
    void anExternalParameterEntityIsNeverFetched(@TempDir Path directory) throws IOException {
        Path dtd = directory.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak \"LEAKED\">");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE edXML [<!ENTITY %% remote SYSTEM "%s"> %%remote;]>
                <edXML><Status><StatusCode>01</StatusCode><Timestamp>&leak;</Timestamp></Status></edXML>
                """.formatted(dtd.toUri());

        assertThatThrownBy(() -> EdxmlReader.status(stream(xml), 100_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .hasMessageNotContaining("LEAKED");
    }

    @Test
    void aBillionLaughsMessageIsRefused() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 10; level++) {
            entities.append("<!ENTITY lol").append(level).append(" \"");
            entities.append(("&lol" + (level - 1) + ";").repeat(10));
            entities.append("\">");
        }
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE edXML [" + entities + "]>"
                + "<edXML><MessageHeader><Subject>&lol10;</Subject></MessageHeader></edXML>";

        assertThatThrownBy(() -> EdxmlReader.message(stream(xml), 1_000_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .extracting(ex -> ((EdxmlRejectedException) ex).messageKey())
                .isEqualTo("edxml.error.dtd");
    }

    @Test
    void aMalformedMessageIsRefused() throws IOException {
        byte[] xml = write(message(List.of()), List.of());
        byte[] truncated = java.util.Arrays.copyOf(xml, xml.length / 2);

        assertThatThrownBy(() -> EdxmlReader.message(new ByteArrayInputStream(truncated), 100_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .extracting(ex -> ((EdxmlRejectedException) ex).messageKey())
                .isEqualTo("edxml.error.malformed");
        assertThatThrownBy(() -> EdxmlReader.message(stream("không phải XML"), 100_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .extracting(ex -> ((EdxmlRejectedException) ex).messageKey())
                .isEqualTo("edxml.error.malformed");
    }

    @Test
    void anotherKindOfXmlIsRefused() {
        assertThatThrownBy(() -> EdxmlReader.message(stream("<html><body/></html>"), 100_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .extracting(ex -> ((EdxmlRejectedException) ex).messageKey())
                .isEqualTo("edxml.error.notEdxml");
    }

    @Test
    void aMessageWithoutItsSubjectIsRefused() throws IOException {
        String xml = new String(write(message(List.of()), List.of()), StandardCharsets.UTF_8)
                .replaceAll("<edXML:Subject>[^<]*</edXML:Subject>", "");

        assertThatThrownBy(() -> EdxmlReader.message(stream(xml), 100_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .extracting(ex -> ((EdxmlRejectedException) ex).arguments()[0])
                .isEqualTo("Subject");
    }

    @Test
    void anAttachmentThatIsNotBase64IsRefused() throws IOException {
        String xml = new String(
                        write(
                                message(List.of(new EdxmlMessage.Attachment("a", "application/pdf", "A", "a.pdf"))),
                                List.of(new byte[] {1, 2, 3})),
                        StandardCharsets.UTF_8)
                .replace("AQID", "A*ID");

        assertThatThrownBy(() -> EdxmlReader.message(stream(xml), 100_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .extracting(ex -> ((EdxmlRejectedException) ex).messageKey())
                .isEqualTo("edxml.error.base64");
    }

    @Test
    void aMessageLongerThanTheLimitIsRefused() throws IOException {
        byte[] xml = write(
                message(List.of(new EdxmlMessage.Attachment("a", "application/pdf", "A", "a.pdf"))),
                List.of(new byte[50_000]));

        assertThatThrownBy(() -> EdxmlReader.message(new ByteArrayInputStream(xml), 20_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .extracting(ex -> ((EdxmlRejectedException) ex).messageKey())
                .isEqualTo("edxml.error.tooLarge");
    }

    @Test
    void aStatusWrittenIsReadBack() throws IOException {
        EdxmlStatus status = new EdxmlStatus(
                "000.00.31.H29",
                "65-CV/BTGQU",
                LocalDate.of(2023, 7, 12),
                "000.00.31.H29,2023/07/12,65-CV/BTGQU",
                new EdxmlMessage.Organ("000.00.32.H29", "Đảng ủy phường Bến Nghé", null, null),
                EdxmlStatusCode.ACCEPTED,
                "Đã vào sổ văn bản đến số 12",
                LocalDateTime.of(2023, 7, 13, 9, 5, 0),
                "Văn phòng",
                "Trần Thị Văn Thư");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdxmlWriter.status(status, out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("<edXML:StatusCode>03</edXML:StatusCode>", "<edXML:ResponseFor>");
        assertThat(EdxmlReader.status(new ByteArrayInputStream(out.toByteArray()), 100_000))
                .isEqualTo(status);
    }

    @Test
    void aStatusInTheSoapFormOfOtherSystemsIsRead() throws IOException {
        String xml = """
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header>
                <edXML:Status xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                <edXML:ResponseFor><edXML:OrganId>H29</edXML:OrganId><edXML:Code>26/QĐ-UBND</edXML:Code>
                <edXML:PromulgationDate>12/07/2023</edXML:PromulgationDate><edXML:DocumentId>x</edXML:DocumentId></edXML:ResponseFor>
                <edXML:From><edXML:OrganId>H30</edXML:OrganId><edXML:OrganName>UBND phường</edXML:OrganName></edXML:From>
                <edXML:StatusCode>06</edXML:StatusCode><edXML:Description>Xong</edXML:Description>
                <edXML:Timestamp>13/07/2023 10:00:00</edXML:Timestamp>
                </edXML:Status></SOAP-ENV:Header><SOAP-ENV:Body/></SOAP-ENV:Envelope>
                """;

        EdxmlStatus status = EdxmlReader.status(stream(xml), 100_000);

        assertThat(status.statusCode()).isEqualTo(EdxmlStatusCode.DONE);
        assertThat(status.responseForCode()).isEqualTo("26/QĐ-UBND");
        assertThat(status.responseForPromulgationDate()).isEqualTo(LocalDate.of(2023, 7, 12));
        assertThat(status.from().organName()).isEqualTo("UBND phường");
        assertThat(status.timestamp()).isEqualTo(LocalDateTime.of(2023, 7, 13, 10, 0));
    }

    @Test
    void aStatusWithACodeTheStandardDoesNotDefineIsRefused() {
        String xml = "<edXML><Status><StatusCode>99</StatusCode><Timestamp>2023/07/13 10:00:00</Timestamp>"
                + "</Status></edXML>";

        assertThatThrownBy(() -> EdxmlReader.status(stream(xml), 100_000))
                .isInstanceOf(EdxmlRejectedException.class)
                .extracting(ex -> ((EdxmlRejectedException) ex).messageKey())
                .isEqualTo("edxml.error.statusCode");
    }

    @Test
    void theFullNotationFollowsTheFamilysForm() {
        assertThat(EdxmlExchange.splitNotation("65-CV/BTGQU")).containsExactly("65", "CV/BTGQU");
        assertThat(EdxmlExchange.splitNotation("05/QĐ-UBND")).containsExactly("05", "QĐ-UBND");
        assertThat(message(List.of()).fullNotation()).isEqualTo("65-CV/BTGQU");
        assertThat(new EdxmlMessage(
                                organ(),
                                List.of(),
                                "05",
                                "QĐ-UBND",
                                null,
                                LocalDate.of(2024, 1, 2),
                                2,
                                null,
                                "S",
                                null,
                                null,
                                0,
                                null,
                                List.of(),
                                List.of())
                        .fullNotation())
                .isEqualTo("05/QĐ-UBND");
    }

    private static EdxmlMessage message(List<EdxmlMessage.Attachment> attachments) {
        return new EdxmlMessage(
                organ(),
                List.of(
                        new EdxmlMessage.Organ("000.00.32.H29", "Đảng ủy phường Bến Nghé", null, null),
                        new EdxmlMessage.Organ("000.00.33.H29", "Đảng ủy phường Đa Kao", null, null)),
                "65",
                "CV/BTGQU",
                "Quận 1",
                LocalDate.of(2023, 7, 12),
                2,
                "Công văn",
                "Về việc tuyên truyền kỷ niệm 76 năm Ngày Thương binh - Liệt sĩ",
                "Đề nghị các đơn vị triển khai.\n\nTrân trọng.",
                new EdxmlMessage.SignerInfo("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Thử"),
                3,
                LocalDate.of(2023, 8, 31),
                List.of("Như trên,", "Lưu Ban Tuyên giáo Quận ủy."),
                attachments);
    }

    private static EdxmlMessage.Organ organ() {
        return new EdxmlMessage.Organ("000.00.31.H29", "Ban Tuyên giáo Quận ủy Quận 1", "QUẬN ỦY QUẬN 1", null);
    }

    private static byte[] write(EdxmlMessage message, List<byte[]> contents) throws IOException {
        List<EdxmlWriter.File> files = new java.util.ArrayList<>();
        for (int index = 0; index < contents.size(); index++) {
            byte[] content = contents.get(index);
            files.add(new EdxmlWriter.File(message.attachments().get(index), () -> new ByteArrayInputStream(content)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdxmlWriter.message(message, files, SENT, out);
        return out.toByteArray();
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
