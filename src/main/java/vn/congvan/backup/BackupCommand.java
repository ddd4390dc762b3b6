package vn.congvan.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code backup} and {@code restore} from the command line (ops/backup.sh, ops/restore.sh), without starting the
 * portal: in the production image
 * {@code java -cp app.jar -Dloader.main=vn.congvan.backup.BackupCommand org.springframework.boot.loader.launch.PropertiesLauncher backup --to=/backups}.
 * The database and the store are the portal's own settings ({@code SPRING_DATASOURCE_URL}, {@code _USERNAME},
 * {@code _PASSWORD}, {@code CONGVAN_STORAGE_ROOT}) unless given; the password is read from the environment only, so
 * that it never shows in a process list.
 */
public final class BackupCommand {

    private static final String USAGE = """
            usage: backup  --to=DIR [--keep=N] [--allow-missing] [--jdbc-url=URL] [--username=NAME] [--store=DIR]
                   restore --from=DIR [--force] [--jdbc-url=URL] [--username=NAME] [--store=DIR]
                           [--embedded-data-directory=DIR [--embedded-port=N]]
            --from names one backup, or a directory of backups (the newest is taken).
            The password comes from SPRING_DATASOURCE_PASSWORD or PGPASSWORD.""";

    private BackupCommand() {}

    public static void main(String[] args) {
        quietLibraries();
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Without Spring Boot's logging set-up Logback logs everything to the console; the embedded server's and the
     * driver's chatter would hide the command's own answer. Flyway's lines (which migration runs) stay.
     */
    private static void quietLibraries() {
        for (String name : List.of("io.zonky", "org.postgresql", "com.zaxxer")) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 0 || !List.of("backup", "restore").contains(args[0])) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (String arg : List.of(args).subList(1, args.length)) {
            if (!arg.startsWith("--")) {
                err.println(USAGE);
                return 2;
            }
            int equals = arg.indexOf('=');
            options.put(
                    arg.substring(2, equals < 0 ? arg.length() : equals),
                    equals < 0 ? "true" : arg.substring(equals + 1));
        }
        try {
            Path store =
                    Path.of(option(options, "store", environment.getOrDefault("CONGVAN_STORAGE_ROOT", "./data/files")));
            if (args[0].equals("backup")) {
                return backup(options, environment, store, out);
            }
            return restore(options, environment, store, out);
        } catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println(USAGE);
            return 2;
        } catch (java.nio.file.NoSuchFileException ex) {
            err.println("FAILED: no such file or directory: " + ex.getMessage());
            return 1;
        } catch (Exception ex) {
            err.println("FAILED: " + ex.getMessage());
            return 1;
        }
    }

    private static int backup(Map<String, String> options, Map<String, String> environment, Path store, PrintStream out)
            throws Exception {
        Path backups = Path.of(required(options, "to"));
        int keep = Integer.parseInt(option(options, "keep", environment.getOrDefault("CONGVAN_BACKUP_KEEP", "7")));
        boolean allowMissing = Boolean.parseBoolean(option(options, "allow-missing", "false"));
        Path made = new Backup(target(options, environment), store, Clock.systemUTC(), allowMissing).into(backups);
        Manifest manifest = Manifest.read(made);
        out.println("Backup " + made + ": schema version " + manifest.summary().getProperty("schema-version") + ", "
                + manifest.tables().size() + " tables, " + manifest.summary().getProperty("rows") + " rows, "
                + manifest.files().size() + " files");
        String missing = manifest.summary().getProperty("missing-files", "0");
        if (!missing.equals("0")) {
            out.println("WARNING: " + missing + " files named by the database were missing from the store; see "
                    + made.resolve(Backup.MISSING));
        }
        for (Path removed : Backup.prune(backups, keep)) {
            out.println("Removed old backup " + removed + " (keeping " + keep + ")");
        }
        return 0;
    }

    private static int restore(
            Map<String, String> options, Map<String, String> environment, Path store, PrintStream out)
            throws Exception {
        Path backup = newest(Path.of(required(options, "from")));
        boolean force = Boolean.parseBoolean(option(options, "force", "false"));
        String embedded = options.get("embedded-data-directory");
        Manifest manifest;
        if (embedded != null) {
            int port = Integer.parseInt(option(options, "embedded-port", "0"));
            try (EmbeddedServer server = EmbeddedServer.start(Path.of(embedded), port)) {
                manifest = new Restore(server.target(), store, force).from(backup);
            }
        } else {
            manifest = new Restore(target(options, environment), store, force).from(backup);
        }
        out.println("Restored " + backup + " (made " + manifest.summary().getProperty("created-at")
                + ", schema version " + manifest.summary().getProperty("schema-version") + "): "
                + manifest.tables().size() + " tables, " + manifest.summary().getProperty("rows") + " rows and "
                + manifest.files().size() + " files, all counts and SHA-256 digests as recorded");
        return 0;
    }

    /** A backup directory as given, or the newest complete one under a directory of backups. */
    static Path newest(Path given) throws java.io.IOException {
        if (Files.isRegularFile(given.resolve(Manifest.SUMMARY))) {
            return given;
        }
        try (Stream<Path> entries = Files.list(given)) {
            return entries.filter(path -> String.valueOf(path.getFileName()).startsWith(Backup.PREFIX))
                    .filter(path -> Files.isRegularFile(path.resolve(Manifest.SUMMARY)))
                    .max(Comparator.comparing(path -> String.valueOf(path.getFileName())))
                    .orElseThrow(() -> new IllegalArgumentException("No backup in " + given));
        }
    }

    private static Target target(Map<String, String> options, Map<String, String> environment) {
        String password =
                environment.getOrDefault("SPRING_DATASOURCE_PASSWORD", environment.getOrDefault("PGPASSWORD", ""));
        return new Target(
                option(options, "jdbc-url", environment.get("SPRING_DATASOURCE_URL")),
                option(options, "username", environment.getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres")),
                password);
    }

    private static String option(Map<String, String> options, String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
