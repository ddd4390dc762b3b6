package vn.congvan.delivery;

import org.springframework.core.io.InputStreamSource;

/** A file sent with a report: the name the browser gave and where to read its content, once. */
public record ReportUpload(String originalFilename, InputStreamSource content) {}
