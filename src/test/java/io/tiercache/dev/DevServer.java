package io.tiercache.dev;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/**
 * The run command ({@code mvn -Prun package}): serves the WAR on Payara Micro at {@code http://127.0.0.1:<port>/}
 * until the process is interrupted (Ctrl-C) or terminated, then stops everything it started.
 *
 * <p>Starts an embedded Redis on 127.0.0.1:{@code redisPort} first, unless something already listens there, and
 * points the cache engine at it.
 * Payara Micro runs as a child process sharing this console; one line announces when the API answers.
 *
 * <p>The database is Payara's default data source, an in-memory H2. When {@code TIERCACHE_DATASOURCE_URL} is set in
 * the environment (with {@code TIERCACHE_DATASOURCE_USER} and {@code TIERCACHE_DATASOURCE_PASSWORD}), Payara Micro
 * gets the PostgreSQL post-boot command file and the PostgreSQL driver ({@code --addlibs}) as well, which point
 * the default data source at that database.
 *
 * <p>Arguments: Payara Micro jar, WAR, HTTP port, pre-boot command file, Redis port, PostgreSQL post-boot command
 * file, PostgreSQL driver jar.
 */
public final class DevServer {

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final String DATABASE_URL = "TIERCACHE_DATASOURCE_URL";
    private static final List<String> DATABASE_CREDENTIALS =
            List.of("TIERCACHE_DATASOURCE_USER", "TIERCACHE_DATASOURCE_PASSWORD");

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            throw new IllegalArgumentException("Usage: DevServer <payara-micro.jar> <app.war> <http-port> "
                    + "<pre-boot-commands> <redis-port> <postgresql-post-boot-commands> <postgresql.jar>");
        }
        long started = System.nanoTime();
        Path microJar = Path.of(args[0]);
        Path war = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        Path preBootCommands = Path.of(args[3]);
        int redisPort = Integer.parseInt(args[4]);
        Path postgresqlCommands = Path.of(args[5]);
        Path postgresqlDriver = Path.of(args[6]);
        for (Path file : List.of(microJar, war, preBootCommands, postgresqlCommands, postgresqlDriver)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Missing " + file);
            }
        }
        if (isListening(port)) {
            throw new IllegalStateException("Port " + port + " on " + HOST + " is in use; choose another with "
                    + "-Dtiercache.http.port=<port>");
        }

        RedisServer redis = isListening(redisPort) ? null : startRedis(redisPort);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(engineProperties(port, redisPort));
        command.addAll(List.of("-jar", microJar.toString(),
                "--deploy", war.toString(), "--contextroot", "/", "--port", Integer.toString(port),
                "--nocluster", "--prebootcommandfile", preBootCommands.toString()));
        command.addAll(databaseOptions(postgresqlCommands, postgresqlDriver));
        Process payara = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, redis), "tiercache-dev-shutdown"));

        String base = "http://" + HOST + ":" + port + "/";
        if (awaitReady(URI.create(base + "api/strategies"), payara)) {
            System.out.printf("%ntiercache ready at %s (%.1f s) — try: curl %sapi/strategies%n%n", base,
                    (System.nanoTime() - started) / 1e9, base);
        }
        int exit = payara.waitFor();
        stopRedis(redis);
        if (exit != 0 && exit != 130 && exit != 143) {
            throw new IllegalStateException("Payara Micro exited with status " + exit);
        }
    }

    /**
     * The cache engine's settings for Payara Micro: Redis at 127.0.0.1:{@code redisPort}, a Hazelcast cluster of
     * this run alone (named after the HTTP port, so another instance on the machine does not join it), then every
     * {@code tiercache.*} system property given to this launcher (e.g. {@code -Dtiercache.l1.ttl=1m}), which wins.
     */
    private static List<String> engineProperties(int port, int redisPort) {
        Map<String, String> properties = new TreeMap<>();
        properties.put("tiercache.redis.address", "redis://" + HOST + ":" + redisPort);
        properties.put("tiercache.hazelcast.cluster-name", "tiercache-dev-" + port);
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("tiercache."))
                .forEach(name -> properties.put(name, System.getProperty(name)));
        return properties.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    /**
     * Nothing for the default H2; the PostgreSQL post-boot command file and driver when {@value #DATABASE_URL} is set
     * (Payara Micro inherits the environment, from which the command file reads the URL, user and password).
     */
    private static List<String> databaseOptions(Path postgresqlCommands, Path postgresqlDriver) {
        String url = System.getenv(DATABASE_URL);
        if (url == null || url.isBlank()) {
            return List.of();
        }
        for (String variable : DATABASE_CREDENTIALS) {
            String value = System.getenv(variable);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(DATABASE_URL + " is set but " + variable + " is not (with trust "
                        + "authentication any password will do)");
            }
        }
        System.out.println("Database: PostgreSQL at " + url);
        return List.of("--postbootcommandfile", postgresqlCommands.toString(),
                "--addlibs", postgresqlDriver.toString());
    }

    private static RedisServer startRedis(int port) throws IOException {
        RedisServer redis = RedisServer.newRedisServer().bind(HOST).port(port).build();
        redis.start();
        System.out.println("Embedded Redis started on " + HOST + ":" + port);
        return redis;
    }

    private static boolean awaitReady(URI probe, Process payara) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (payara.isAlive() && System.nanoTime() < deadline) {
            try {
                HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(30)).GET().build();
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        if (payara.isAlive()) {
            System.err.println("tiercache did not answer " + probe + " within " + STARTUP_TIMEOUT);
        }
        return false;
    }

    private static void stop(Process payara, RedisServer redis) {
        if (payara.isAlive()) {
            payara.destroy();
            try {
                if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                    payara.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                payara.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        stopRedis(redis);
    }

    private static void stopRedis(RedisServer redis) {
        if (redis == null) {
            return;
        }
        try {
            if (redis.isActive()) {
                redis.stop();
            }
        } catch (IOException e) {
            System.err.println("Could not stop the embedded Redis: " + e.getMessage());
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
