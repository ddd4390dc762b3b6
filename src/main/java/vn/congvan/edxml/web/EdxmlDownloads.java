package vn.congvan.edxml.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The headers of an edXML file sent to a clerk. */
final class EdxmlDownloads {

    private EdxmlDownloads() {}

    static void headers(HttpServletResponse response, String filename) {
        response.setContentType("application/xml;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** "65-CV-BTGQU.edxml": the notation, with what a file name may not hold replaced. */
    static String name(String notation, String fallback) {
        String stem = notation == null || notation.isBlank() ? fallback : notation;
        return stem.replaceAll("[\\\\/:*?\"<>|\\s]+", "-") + ".edxml";
    }
}
