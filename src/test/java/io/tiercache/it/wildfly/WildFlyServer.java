package io.tiercache.it.wildfly;

import io.tiercache.it.support.TestEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WildFly 39 of one test class, set up the way an operator would: a fresh copy of the unpacked distribution
 * (system property {@code wildfly.dist}, unpacked by the pom) under {@code target/wildfly-it/<name>}, configured
 * offline by the project's {@code server-config/wildfly/*.cli} scripts, {@code target/tiercache.war} dropped into
 * {@code standalone/deployments}, then {@code bin/standalone.sh --stability=community -c standalone-microprofile.xml}
 * bound to 127.0.0.1 on free HTTP and management ports. {@link #close()} stops it (and waits until its process is
 * gone), also after a failed start.
 *
 * <p>A launcher of our own because neither library does this job:
 * <ul>
 *   <li>Arquillian's WildFly managed container ({@code org.wildfly.arquillian:wildfly-arquillian-container-managed})
 *       starts an installation as it is and configures it only once running (server setup tasks, through the
 *       management client); the project's scripts are the operator's offline {@code embed-server} scripts, and
 *       {@code postgresql.cli} adds a module to the installation, so each class needs a copy configured before it
 *       starts ({@code cleanServerBaseDir} copies {@code configuration} and {@code data}, not {@code modules}). Its
 *       server inherits the test JVM's environment, with no setting of its own, while {@code postgresql.cli} (as an
 *       operator runs it) resolves the datasource from {@code ${env.TIERCACHE_DATASOURCE_*}} in the server, with a
 *       schema made per class. And the Payara Micro
 *       adapter is already on the Failsafe classpath: a second {@code DeployableContainer} there needs every
 *       container of {@code arquillian.xml} to name its adapter, for tests that deploy nothing of their own.</li>
 *   <li>The {@code wildfly-maven-plugin} runs offline CLI scripts and starts a server from the build, once, before
 *       any test class runs, on ports and settings fixed in the pom: before the class has started the Redis and
 *       chosen the Hazelcast port that the server's system properties name.</li>
 * </ul>
 */
final class WildFlyServer implements AutoCloseable {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final int httpPort = TestEngine.freePort();
    private final int managementPort = TestEngine.freePort();
    private Process process;

    private WildFlyServer(Path home) {
        this.home = home;
    }

    /** A fresh copy of the distribution named {@code name} below {@code target/wildfly-it}. */
    static WildFlyServer copy(String name) throws IOException {
        Path dist = Path.of(System.getProperty("wildfly.dist", "target/wildfly-39.0.1.Final"));
        if (!Files.isRegularFile(dist.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("No WildFly distribution at " + dist.toAbsolutePath());
        }
        Path home = Path.of("target", "wildfly-it", name).toAbsolutePath();
        delete(home);
        copyTree(dist, home);
        return new WildFlyServer(home);
    }

    /** Runs a project CLI script ({@code server-config/wildfly/<script>}) with {@code bin/jboss-cli.sh}. */
    void runScript(String script, String... cliOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/jboss-cli.sh").toString()));
        command.addAll(List.of(cliOptions));
        command.add("--file=" + Path.of("server-config", "wildfly", script).toAbsolutePath());
        Path log = home.resolve("cli-" + script + ".log");
        Process cli = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!cli.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            cli.destroyForcibly().waitFor();
            throw new IllegalStateException(script + " did not finish within " + SCRIPT_TIMEOUT);
        }
        if (cli.exitValue() != 0) {
            throw new IllegalStateException(script + " failed (exit " + cli.exitValue() + "):\n"
                    + Files.readString(log));
        }
    }

    /**
     * Deploys {@code war}, starts the server with {@code systemProperties} and {@code environment}, and returns once
     * the deployment is up.
     */
    void start(Path war, Map<String, String> systemProperties, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path deployments = home.resolve("standalone/deployments");
        Files.copy(war, deployments.resolve("tiercache.war"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/standalone.sh").toString(),
                "--stability=community", "-c", "standalone-microprofile.xml",
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.http.port=" + httpPort, "-Djboss.https.port=" + TestEngine.freePort(),
                "-Djboss.management.http.port=" + managementPort,
                "-Djboss.management.https.port=" + TestEngine.freePort(),
                "-Djboss.ajp.port=" + TestEngine.freePort()));
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("server.log").toFile());
        builder.environment().putAll(environment);
        // standalone.conf's defaults, plus the C1 compiler only: a faster start on a small machine
        builder.environment().put("JAVA_OPTS", "-Xms64m -Xmx768m -XX:TieredStopAtLevel=1"
                + " -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman"
                + " -Djava.awt.headless=true");
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(deployments.resolve("tiercache.war.deployed"))) {
            if (Files.exists(deployments.resolve("tiercache.war.failed"))) {
                throw new IllegalStateException("The deployment failed:\n"
                        + Files.readString(deployments.resolve("tiercache.war.failed")));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + process.exitValue() + ", see " + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("tiercache.war not deployed within " + START_TIMEOUT + ", see "
                        + log());
            }
            Thread.sleep(250);
        }
    }

    /** The application's root, {@code http://127.0.0.1:<http port>/}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    /** The management interface's root, {@code http://127.0.0.1:<management port>/}. */
    URI management() {
        return URI.create("http://127.0.0.1:" + managementPort + "/");
    }

    /** The server's console output. */
    Path log() {
        return home.resolve("server.log");
    }

    /** Stops the server (SIGTERM to it and its JVM, a graceful shutdown) and waits until every process is gone. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle handle : all) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        }
        process = null;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
