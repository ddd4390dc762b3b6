package vn.congvan.attachment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param storageRoot where the file-system storage keeps files and its staging area
 * @param maxFileSize the largest file accepted
 * @param maxTotalSize the most all files of one dispatch may take together
 * @param publicMaxAge how long browsers and shared caches may reuse a public file before they revalidate it, in
 *        seconds; 0 (the default) means they revalidate every time, so a withdrawn dispatch's file is never served
 *        from a cache (a revalidation is a cheap 304)
 * @param sendfile whether to hand file transfers to the servlet container's sendfile where it offers it
 */
@ConfigurationProperties("congvan.attachment")
public record AttachmentProperties(
        @DefaultValue("./data/files") Path storageRoot,
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("200MB") DataSize maxTotalSize,
        @DefaultValue("0") long publicMaxAge,
        @DefaultValue("true") boolean sendfile) {}
