package vn.congvan.attachment;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The servlet container writes each uploaded part to disk before the application reads it. By default that is a
 * directory under {@code java.io.tmpdir} named anew at every start, so the part of an upload cut off by a killed
 * process stays there for good; spooled into a directory named after the store instead
 * ({@link FileSystemAttachmentStorage#spool}), it is removed with the store's staging files. An explicit
 * {@code spring.servlet.multipart.location} still wins.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadSpoolConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, AttachmentProperties attachments)
            throws IOException {
        if (!StringUtils.hasText(multipart.getLocation())) {
            multipart.setLocation(Files.createDirectories(FileSystemAttachmentStorage.spool(attachments))
                    .toString());
        }
        return multipart.createMultipartConfig();
    }
}
