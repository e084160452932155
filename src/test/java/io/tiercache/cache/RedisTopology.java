package io.tiercache.cache;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Redis Sentinel and Redis Cluster deployments made of real {@code redis-server} processes on free ports of
 * 127.0.0.1, each in a temporary directory of its own, for the engine tests. The binary is Debian's
 * {@code /usr/bin/redis-server} when present, else the Linux x86-64 redis-server 6.2 inside the embedded-redis jar
 * (extracted to {@code target/}); the system property {@code tiercache.test.redis-server} names another (a path, or
 * {@code embedded} for the jar's). The topology is formed with commands sent from Java ({@link #call}), no
 * {@code redis-cli}.
 *
 * <p>{@link #close} kills every process it started (also on JVM exit, through a shutdown hook) and deletes its
 * directory. Not thread-safe: one test thread drives it.
 */
final class RedisTopology implements AutoCloseable {

    /** The master name the sentinels monitor. */
    static final String MASTER_NAME = "tiercache";
    /** Sentinel {@code down-after-milliseconds}: how long a silent master takes to be declared down. */
    static final int SENTINEL_DOWN_AFTER_MILLIS = 1000;
    /** Sentinel {@code failover-timeout}. */
    static final int SENTINEL_FAILOVER_TIMEOUT_MILLIS = 5000;
    /** Cluster {@code cluster-node-timeout}: how long a silent node takes to be suspected failing. */
    static final int CLUSTER_NODE_TIMEOUT_MILLIS = 1000;

    private static final String EMBEDDED_BINARY = "redis-server-6.2.6-v5-linux-amd64";
    private static final int SLOTS = 16384;

    private final Path binary;
    private final Path dir;
    private final Map<Integer, Process> processes = new LinkedHashMap<>();
    private final List<Integer> dataPorts = new ArrayList<>();
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::cleanUp, "redis-topology-cleanup");

    private RedisTopology() {
        this.binary = binary();
        try {
            this.dir = Files.createTempDirectory("tiercache-redis-topology");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * One master, one replica and three sentinels (quorum 2) monitoring {@link #MASTER_NAME}, started and ready: the
     * replica in sync and every sentinel aware of the replica and of the two other sentinels.
     */
    static RedisTopology sentinel() {
        RedisTopology topology = new RedisTopology();
        try {
            int master = topology.startData(List.of());
            topology.startData(List.of("replicaof 127.0.0.1 " + master));
            for (int i = 0; i < 3; i++) {
                topology.startSentinel(master);
            }
            topology.await("the replica in sync and the sentinels aware of each other", () ->
                    info(topology.dataPorts.get(1), "replication").contains("master_link_status:up")
                            && topology.sentinelPorts.stream().allMatch(sentinel ->
                            ((List<?>) call(sentinel, "SENTINEL", "REPLICAS", MASTER_NAME)).size() == 1
                                    && ((List<?>) call(sentinel, "SENTINEL", "SENTINELS", MASTER_NAME)).size() == 2));
            return topology;
        } catch (RuntimeException | Error e) {
            topology.close();
            throw e;
        }
    }

    /**
     * A Redis Cluster of three masters (slots 0-5460, 5461-10922, 10923-16383) with one replica each, started and
     * ready: {@code cluster_state:ok} on every node and every replica in sync with its master.
     */
    static RedisTopology cluster() {
        RedisTopology topology = new RedisTopology();
        try {
            List<String> options = List.of("cluster-enabled yes", "cluster-config-file nodes.conf",
                    "cluster-node-timeout " + CLUSTER_NODE_TIMEOUT_MILLIS);
            for (int i = 0; i < 6; i++) {
                topology.startData(options);
            }
            List<Integer> ports = topology.dataPorts;
            for (int i = 0; i < ports.size(); i++) {
                call(ports.get(i), "CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
            }
            for (int port : ports.subList(1, ports.size())) {
                call(port, "CLUSTER", "MEET", "127.0.0.1", Integer.toString(ports.get(0)));
            }
            for (int i = 0; i < 3; i++) {
                int first = i * SLOTS / 3;
                int last = (i + 1) * SLOTS / 3 - 1;
                Stream<String> slots = IntStream.rangeClosed(first, last).mapToObj(Integer::toString);
                call(ports.get(i), Stream.concat(Stream.of("CLUSTER", "ADDSLOTS"), slots).toArray(String[]::new));
            }
            topology.await("every node knowing the five others", () -> ports.stream().allMatch(port ->
                    ((String) call(port, "CLUSTER", "NODES")).lines().count() == 6));
            for (int i = 0; i < 3; i++) {
                String masterId = (String) call(ports.get(i), "CLUSTER", "MYID");
                call(ports.get(i + 3), "CLUSTER", "REPLICATE", masterId);
            }
            topology.await("cluster_state:ok everywhere and every replica in sync", () -> ports.stream().allMatch(
                    port -> ((String) call(port, "CLUSTER", "INFO")).contains("cluster_state:ok"))
                    && ports.subList(3, 6).stream().allMatch(port ->
                    info(port, "replication").contains("master_link_status:up")));
            return topology;
        } catch (RuntimeException | Error e) {
            topology.close();
            throw e;
        }
    }

    /** The ports of the redis-servers holding data (masters and replicas), in start order. */
    List<Integer> dataPorts() {
        return List.copyOf(dataPorts);
    }

    /** The sentinels' ports (none in a cluster). */
    List<Integer> sentinelPorts() {
        return List.copyOf(sentinelPorts);
    }

    /** The ports of the masters now, as the data nodes still alive report their own role. */
    List<Integer> masters() {
        return dataPorts.stream().filter(port -> processes.get(port).isAlive())
                .filter(port -> info(port, "replication").contains("role:master")).toList();
    }

    /** The port of the redis-server whose address the sentinels report for {@link #MASTER_NAME}. */
    int sentinelMaster() {
        List<?> address = (List<?>) call(sentinelPorts.get(0), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
        return Integer.parseInt((String) address.get(1));
    }

    /** The port of the cluster master serving the slot of {@code key} now, as a live node's {@code CLUSTER SLOTS} says. */
    int clusterMasterOf(String key) {
        int node = dataPorts.stream().filter(port -> processes.get(port).isAlive()).findFirst().orElseThrow();
        long slot = (Long) call(node, "CLUSTER", "KEYSLOT", key);
        for (Object range : (List<?>) call(node, "CLUSTER", "SLOTS")) {
            List<?> fields = (List<?>) range;
            if ((Long) fields.get(0) <= slot && slot <= (Long) fields.get(1)) {
                return ((Long) ((List<?>) fields.get(2)).get(1)).intValue();
            }
        }
        throw new IllegalStateException("No master serves slot " + slot);
    }

    /** Waits until every live replica has applied everything its master has sent it. */
    void awaitReplicasInSync() {
        await("every replica in sync with its master", () -> dataPorts.stream()
                .filter(port -> processes.get(port).isAlive()).allMatch(port -> {
                    String replication = info(port, "replication");
                    if (replication.contains("role:master")) {
                        return true;
                    }
                    int master = Integer.parseInt(field(replication, "master_port"));
                    return replication.contains("master_link_status:up") && field(replication, "slave_repl_offset")
                            .equals(field(info(master, "replication"), "master_repl_offset"));
                }));
    }

    private static String field(String info, String name) {
        return info.lines().filter(line -> line.startsWith(name + ":")).findFirst()
                .map(line -> line.substring(name.length() + 1).trim()).orElseThrow();
    }

    /** Kills the redis-server or sentinel on {@code port} at once (SIGKILL), as a crash would. */
    void kill(int port) {
        Process process = processes.get(port);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Freezes the process on {@code port} (SIGSTOP): it keeps its connections and answers nothing. */
    void pause(int port) {
        signal(port, "STOP");
    }

    /** Lets the process on {@code port} run again (SIGCONT). */
    void resume(int port) {
        signal(port, "CONT");
    }

    private void signal(int port, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(processes.get(port).pid()))
                    .inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " of the redis-server on " + port + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Which redis-server binary runs the processes. */
    Path binaryPath() {
        return binary;
    }

    /** Polls {@code condition} (exceptions count as false) every 50 ms for up to 30 s; fails with {@code what}. */
    void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        RuntimeException last = null;
        while (System.nanoTime() - deadline < 0) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Redis topology: no " + what + " within 30 s (see the logs in " + dir + ")", last);
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    /** Kills every process and deletes the directory (also the shutdown hook's job). */
    private void cleanUp() {
        processes.values().forEach(process -> {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int startData(List<String> options) {
        int port = EngineFixture.freePort();
        List<String> config = new ArrayList<>(List.of("save \"\"", "appendonly no"));
        config.addAll(options);
        start(port, config, List.of());
        dataPorts.add(port);
        return port;
    }

    private void startSentinel(int master) {
        int port = EngineFixture.freePort();
        start(port, List.of(
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + SENTINEL_DOWN_AFTER_MILLIS,
                "sentinel failover-timeout " + MASTER_NAME + " " + SENTINEL_FAILOVER_TIMEOUT_MILLIS,
                "sentinel parallel-syncs " + MASTER_NAME + " 1"), List.of("--sentinel"));
        sentinelPorts.add(port);
    }

    /** Starts a process on {@code port} in a directory of its own, from a config file it may rewrite, and waits for its PING. */
    private void start(int port, List<String> options, List<String> arguments) {
        Path home = dir.resolve(Integer.toString(port));
        try {
            Files.createDirectories(home);
            List<String> lines = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "dir " + home,
                    "logfile " + home.resolve("redis.log")));
            lines.addAll(options);
            Path conf = Files.write(home.resolve("redis.conf"), lines);
            List<String> command = new ArrayList<>(List.of(binary.toString(), conf.toString()));
            command.addAll(arguments);
            processes.put(port, new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(home.resolve("stdout.log").toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("answer from the redis-server on " + port, () -> "PONG".equals(call(port, "PING")));
    }

    /** The section {@code section} of {@code INFO} of the server on {@code port}. */
    static String info(int port, String section) {
        return (String) call(port, "INFO", section);
    }

    /**
     * Sends one command to the server on 127.0.0.1:{@code port} over a connection of its own (1 s timeouts) and
     * returns its reply: a {@link String} (simple or bulk), a {@link Long}, a {@link List} or null; an error reply
     * throws {@link IllegalStateException}.
     */
    static Object call(int port, String... command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(1000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + command.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String word : command) {
                byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                request.writeBytes(bytes);
                request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return reply(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on " + port + ": " + Arrays.toString(command), e);
        }
    }

    private static Object reply(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new IllegalStateException(line);
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                yield new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    yield null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(reply(in));
                }
                yield items;
            }
            default -> throw new IOException("Unexpected RESP reply type " + type);
        };
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed mid-reply");
            }
            line.write(b);
        }
        in.read();
        return line.toString(StandardCharsets.UTF_8);
    }

    /** The redis-server to run: see the class comment. */
    private static Path binary() {
        String chosen = System.getProperty("tiercache.test.redis-server", "");
        Path debian = Path.of("/usr/bin/redis-server");
        if (!chosen.isEmpty() && !chosen.equals("embedded")) {
            return Path.of(chosen);
        }
        if (chosen.isEmpty() && Files.isExecutable(debian)) {
            return debian;
        }
        Path extracted = Path.of("target", EMBEDDED_BINARY).toAbsolutePath();
        if (!Files.isExecutable(extracted)) {
            try (InputStream in = RedisTopology.class.getResourceAsStream("/" + EMBEDDED_BINARY)) {
                if (in == null) {
                    throw new IllegalStateException("No " + EMBEDDED_BINARY + " on the class path (embedded-redis)");
                }
                Path partial = Files.createTempFile(extracted.getParent(), EMBEDDED_BINARY, ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                partial.toFile().setExecutable(true);
                Files.move(partial, extracted, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return extracted;
    }
}
