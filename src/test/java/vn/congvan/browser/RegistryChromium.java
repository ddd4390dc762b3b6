package vn.congvan.browser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.brotli.dec.BrotliInputStream;

/**
 * The headless Chromium of the npm package {@code @sparticuz/chromium}, for machines without a Chromium of their own
 * (docs/adr/0028-chromium-from-the-npm-registry.md). The build downloads and checks the package and puts its
 * brotli-compressed files in {@code target/chromium/compressed}; {@link #main} decodes them into
 * {@code target/chromium}: the {@code chromium} binary, the NSS libraries it links ({@code lib/}), SwiftShader, and
 * the Open Sans fonts with a {@code fonts.conf} of its own, so that the binary needs nothing of the machine but glibc.
 */
final class RegistryChromium {

    private RegistryChromium() {}

    /** Decodes the package's files; run by the build (maven-antrun-plugin) with {@code target/chromium}. */
    public static void main(String[] arguments) throws IOException {
        Path home = Paths.get(arguments[0]).toAbsolutePath();
        Path compressed = home.resolve("compressed");
        for (String archive : new String[] {"al2023.tar.br", "swiftshader.tar.br", "fonts.tar.br"}) {
            try (InputStream in = brotli(compressed.resolve(archive))) {
                untar(in, home);
            }
        }
        Files.writeString(
                home.resolve("fonts.conf"),
                """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(home.resolve("fonts"), home.resolve("fonts-cache")),
                StandardCharsets.UTF_8);
        // The binary last, through a .part file: its presence tells the build and the tests that all is in place.
        Path binary = home.resolve("chromium");
        Path part = home.resolve("chromium.part");
        try (InputStream in = brotli(compressed.resolve("chromium.br"))) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(part, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Chromium from the npm registry unpacked into " + home);
    }

    /** Where the tests find it: {@code congvan.browser.registry}, set by the build, or {@code target/chromium}. */
    static Path home() {
        return Paths.get(System.getProperty("congvan.browser.registry", "target/chromium"))
                .toAbsolutePath();
    }

    static Path binary() {
        Path binary = home().resolve("chromium");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("The Chromium from the npm registry is not at " + binary + ": the build "
                    + "provisions it before the integration tests when the machine has no Chromium, or with "
                    + "-Dcongvan.browser=registry (./mvnw verify -Dcongvan.browser=registry)");
        }
        return binary;
    }

    /** Its bundled NSS libraries and SwiftShader, and its own fonts (Open Sans, which covers Vietnamese). */
    static Map<String, String> environment() {
        Path home = home();
        return Map.of(
                "LD_LIBRARY_PATH",
                home.resolve("lib") + ":" + home,
                "FONTCONFIG_FILE",
                home.resolve("fonts.conf").toString());
    }

    private static InputStream brotli(Path file) throws IOException {
        return new BrotliInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Extracts the regular files and folders of a ustar archive (all these archives hold), keeping the mode. */
    private static void untar(InputStream in, Path into) throws IOException {
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            int mode = Integer.parseInt(field(header, 100, 8).trim(), 8);
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            Path target = into.resolve(name).normalize();
            if (!target.startsWith(into)) {
                throw new IOException("An entry outside the folder: " + name);
            }
            if (type == '5') {
                Files.createDirectories(target);
            } else if (type == '0' || type == 0) {
                Files.createDirectories(target.getParent());
                Files.write(target, readExactly(in, size));
                Files.setPosixFilePermissions(
                        target, PosixFilePermissions.fromString((mode & 0111) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
            } else if (type == 'x' || type == 'g') {
                // pax headers (times, owners): nothing these files need
                readExactly(in, size);
            } else {
                throw new IOException("An unexpected entry of type " + type + ": " + name);
            }
            if (type != '5') {
                readExactly(in, (512 - size % 512) % 512);
            }
        }
    }

    private static byte[] readExactly(InputStream in, long size) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(size));
        if (bytes.length != size) {
            throw new UncheckedIOException(new IOException("The archive ends inside an entry"));
        }
        return bytes;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
