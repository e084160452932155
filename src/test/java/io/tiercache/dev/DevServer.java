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
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/**
 * The run command ({@code mvn -Prun package}): serves the WAR on Payara Micro at {@code http://127.0.0.1:<port>/}
 * until the process is interrupted (Ctrl-C) or terminated, then stops everything it started.
 *
 * <p>Starts an embedded Redis on 127.0.0.1:{@code redisPort} first, unless something already listens there.
 * Payara Micro runs as a child process sharing this console; one line announces when the API answers.
 *
 * <p>Arguments: Payara Micro jar, WAR, HTTP port, pre-boot command file, Redis port.
 */
public final class DevServer {

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "Usage: DevServer <payara-micro.jar> <app.war> <http-port> <pre-boot-commands> <redis-port>");
        }
        long started = System.nanoTime();
        Path microJar = Path.of(args[0]);
        Path war = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        Path preBootCommands = Path.of(args[3]);
        int redisPort = Integer.parseInt(args[4]);
        for (Path file : List.of(microJar, war, preBootCommands)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Missing " + file);
            }
        }
        if (isListening(port)) {
            throw new IllegalStateException("Port " + port + " on " + HOST + " is in use; choose another with "
                    + "-Dtiercache.http.port=<port>");
        }

        RedisServer redis = isListening(redisPort) ? null : startRedis(redisPort);
        Process payara = new ProcessBuilder(javaExecutable(), "-jar", microJar.toString(),
                "--deploy", war.toString(), "--contextroot", "/", "--port", Integer.toString(port),
                "--nocluster", "--prebootcommandfile", preBootCommands.toString())
                .inheritIO()
                .start();
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
