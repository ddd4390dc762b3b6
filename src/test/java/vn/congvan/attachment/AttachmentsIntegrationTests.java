package vn.congvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.congvan.CongvanIntegrationTest;
import vn.congvan.demo.DemoData;

@CongvanIntegrationTest
class AttachmentsIntegrationTests {

    @Autowired
    Attachments attachments;

    @Autowired
    AttachmentStorage storage;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DemoData demo;

    @Test
    void recordsTheSniffedTypeNotTheNameAndCountsPdfPages() throws IOException {
        Long dispatchId = demo.load().city().id();
        AttachmentView briefing = attachments.ofDispatch(dispatchId).get(0);

        AttachmentView image = attachments.attach(new NewAttachment(dispatchId, "Ảnh", AttachmentKind.OTHER,
                "anh.png"), new ByteArrayInputStream(TestFiles.png()));

        assertThat(briefing.contentType()).isEqualTo("application/pdf");
        assertThat(briefing.pageCount()).isGreaterThan(3);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.pageCount()).isNull();
        assertThat(image.position()).isGreaterThan(briefing.position());
    }

    @Test
    void aRolledBackAttachmentLeavesNoFileBehind() throws IOException {
        Long dispatchId = demo.load().city().id();
        String[] key = new String[1];

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            try {
                AttachmentView view = attachments.attach(new NewAttachment(dispatchId, "Sẽ bị hủy",
                        AttachmentKind.OTHER, "huy.pdf"), new ByteArrayInputStream(TestFiles.pdf(1)));
                key[0] = attachments.storageKey(view.id());
                assertThat(storage.localFile(key[0])).isPresent();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            throw new IllegalStateException("the surrounding work fails after the file was stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(key[0]).isNotNull();
        assertThat(storage.localFile(key[0])).isEmpty();
    }
}
