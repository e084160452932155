package io.tiercache.it.support;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL of a test's own: a cluster made by {@code initdb} in a temporary directory, listening on 127.0.0.1
 * only, on a free port, with trust authentication for the user {@code postgres}, its Unix socket in the data
 * directory. It can be stopped ({@code pg_ctl stop -m immediate}, like a crash) and started again on the same data.
 * The binaries are Debian's ({@code /usr/lib/postgresql/<version>/bin}); as an {@link ExecutionCondition} it disables
 * a test class when there are none. When the test runs as root (which {@code initdb} refuses), the cluster is made
 * and run as the operating-system user {@code postgres}. Nothing else is touched: not the PostgreSQL on 5432.
 */
public final class LocalPostgres implements ExecutionCondition, AutoCloseable {

    private static final long COMMAND_TIMEOUT_SECONDS = 90;

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    /** For JUnit, as an {@code ExecutionCondition}. */
    public LocalPostgres() {
        this.bin = null;
        this.dataDir = null;
        this.port = 0;
        this.asPostgresUser = false;
    }

    private LocalPostgres(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return binaries()
                .map(found -> ConditionEvaluationResult.enabled("PostgreSQL binaries in " + found))
                .orElseGet(() -> ConditionEvaluationResult.disabled(
                        "No initdb and pg_ctl under /usr/lib/postgresql/*/bin: cannot start a PostgreSQL of the "
                                + "test's own"));
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} holding {@code initdb} and {@code pg_ctl}. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
            for (Path version : versions) {
                Path bin = version.resolve("bin");
                if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))
                        && Files.isExecutable(bin.resolve("postgres"))) {
                    found.add(bin);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return found.stream().max(Comparator.comparing(LocalPostgres::versionOf));
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Makes a cluster in a new temporary directory and starts it on {@code port}. */
    public static LocalPostgres initAndStart(int port) throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("tiercache-pg");
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(
                    "postgres");
            Files.setOwner(dir, postgres);
        }
        LocalPostgres db = new LocalPostgres(bin, dir.resolve("data"), port, root);
        db.run(List.of(bin.resolve("initdb").toString(), "-D", db.dataDir.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"));
        db.start();
        return db;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/postgres}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server (again) and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                "-l", dataDir.getParent().resolve("postgresql.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dataDir + " -c fsync=off", "start"));
    }

    /** Stops the server at once, like a crash ({@code pg_ctl stop -m immediate}). */
    public void stopImmediately() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-m", "immediate", "stop"));
    }

    /** Stops the server if it runs and removes its directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-m", "fast",
                        "stop"));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dataDir.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("tiercache-pg-command", ".log");
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile())
                    .directory(dataDir.getParent().toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + full + "\n" + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IOException("exit " + process.exitValue() + ": " + full + "\n" + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
