/**
 * Files of dispatches: storage behind {@code AttachmentStorage}, validation from content, malware scanning,
 * thumbnails and HTTP delivery. A file belongs to a dispatch by id, so the module depends on no other.
 */
@ApplicationModule(
        displayName = "Attachment (Tệp đính kèm)",
        allowedDependencies = {})
package vn.congvan.attachment;

import org.springframework.modulith.ApplicationModule;
