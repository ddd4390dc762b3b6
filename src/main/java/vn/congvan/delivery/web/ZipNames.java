package vn.congvan.delivery.web;

import java.text.Normalizer;

/**
 * Names of folders and files inside the ZIP of reports: NFC (one name for "ộ" typed anywhere), no path separators,
 * no characters Windows refuses in a name, no control characters, no leading or trailing dots or spaces, at most
 * 150 characters; "bao-cao" if nothing is left.
 */
final class ZipNames {

    private ZipNames() {}

    static String safe(String name) {
        if (name == null) {
            return "bao-cao";
        }
        String clean = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\\p{Cf}]", "")
                .replaceAll("[/\\\\:*?\"<>|]", "_")
                .strip()
                .replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (clean.length() > 150) {
            clean = clean.substring(0, 150).strip();
        }
        return clean.isEmpty() ? "bao-cao" : clean;
    }
}
