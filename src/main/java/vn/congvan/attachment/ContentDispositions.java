package vn.congvan.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.springframework.http.ContentDisposition;

/**
 * Content-Disposition values that keep Vietnamese file names: a plain ASCII {@code filename} for old clients and
 * {@code filename*=UTF-8''...} (RFC 6266, RFC 8187) that browsers prefer. Spring's {@link ContentDisposition} given
 * a charset makes its own fallback by replacing every letter outside ISO-8859-1 with "_" (earlier versions wrote an
 * RFC 2047 encoded word), which leaves little of a Vietnamese name, so the fallback is made here by taking the
 * accents off: "Thông báo" becomes "Thong bao".
 */
final class ContentDispositions {

    private ContentDispositions() {}

    static String of(Disposition disposition, String filename) {
        String fallback = asciiFallback(filename);
        String header = ContentDisposition.builder(disposition.type)
                .filename(fallback)
                .build()
                .toString();
        return fallback.equals(filename) ? header : header + "; filename*=UTF-8''" + encode(filename);
    }

    /** "Thông báo nhanh (khóa XI).pdf" becomes "Thong bao nhanh (khoa XI).pdf". */
    static String asciiFallback(String filename) {
        String stripped = Normalizer.normalize(filename.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(stripped.length());
        for (char c : stripped.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return out.toString();
    }

    /** Percent-encodes everything but RFC 8187's attr-char. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
