package io.tiercache.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged WAR ({@code tiercache.war}) in a Payara Micro process ({@code payara.microJar}) started by a test,
 * on its own H2 or on PostgreSQL exactly as a deployment gets it: {@code server-config/payara/postgresql.asadmin} as
 * the post-boot command file, the driver ({@code postgresql.jar}) added with {@code --addlibs}, and the database
 * given in the environment ({@code TIERCACHE_DATASOURCE_URL}, {@code _USER}, {@code _PASSWORD}). HTTP on 127.0.0.1 (the
 * pre-boot command file), no Payara clustering, the cache engine's settings as system properties; the process's
 * output goes to a log file.
 *
 * <p>The other Payara tests use the Arquillian adapter ({@code arquillian-payara-micro-managed}: one Payara Micro per
 * test class, its options fixed in {@code arquillian.xml} for all of them); this launcher is for the tests that need
 * several instances at once ({@code TwoInstancesIT}) or the WAR started exactly as a deployment starts it (the
 * database in the server's environment, the deployment's post-boot command file and driver).
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private static final Path PRE_BOOT_COMMANDS = Path.of("server-config", "payara", "pre-boot-commands.asadmin");
    private static final Path POSTGRESQL_COMMANDS = Path.of("server-config", "payara", "postgresql.asadmin");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI base;
    private final Path log;

    private PayaraMicroProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts Payara Micro on {@code httpPort} with the database at {@code jdbcUrl} (user {@code user}; any password,
     * which trust authentication ignores) and the engine settings {@code engine}; returns at once.
     */
    public static PayaraMicroProcess startOnPostgres(int httpPort, String jdbcUrl, String user,
            Map<String, String> engine, Path log) throws IOException {
        return start(httpPort, engine, log, List.of("--postbootcommandfile", POSTGRESQL_COMMANDS.toString(),
                "--addlibs", System.getProperty("postgresql.jar")), Map.of(
                "TIERCACHE_DATASOURCE_URL", jdbcUrl,
                "TIERCACHE_DATASOURCE_USER", user,
                "TIERCACHE_DATASOURCE_PASSWORD", "unused-with-trust-authentication"));
    }

    /** Starts Payara Micro on {@code httpPort} with its own in-memory H2 database; returns at once. */
    public static PayaraMicroProcess startOnH2(int httpPort, Map<String, String> engine, Path log)
            throws IOException {
        return start(httpPort, engine, log, List.of(), Map.of());
    }

    private static PayaraMicroProcess start(int httpPort, Map<String, String> engine, Path log,
            List<String> moreOptions, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        engine.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("tiercache.war"), "--contextroot", "/",
                "--port", Integer.toString(httpPort), "--nocluster",
                "--prebootcommandfile", PRE_BOOT_COMMANDS.toString()));
        command.addAll(moreOptions);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new PayaraMicroProcess(builder.start(), URI.create("http://127.0.0.1:" + httpPort + "/"), log);
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI base() {
        return base;
    }

    /** Waits until {@code GET /api/strategies} answers 200, at the latest until {@code deadline} (nano time). */
    public void awaitReady(long deadline) throws InterruptedException {
        URI probe = base.resolve("api/strategies");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with status " + process.exitValue() + "; see "
                        + log);
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(30)).build();
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(base + " did not answer in time; see " + log);
    }

    /** Stops the process: SIGTERM, then SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
