package io.tiercache.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An engine member (or, with {@code tiercache.hazelcast.mode=client}, a client) in a JVM of its own
 * ({@link MemberMain}), for faults that need a process: it can be paused ({@code SIGSTOP}) and resumed
 * ({@code SIGCONT}) like a member in a long GC pause, or killed. Commands are answered one at a time. Its output
 * beyond the answers goes to {@code target/member-<port>.log} ({@code tiercache.hazelcast.port}); when it does not
 * answer in time, its thread dump goes to {@code target/member-<port>-threads.txt}.
 */
final class MemberProcess implements AutoCloseable {

    private final Path log;
    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;

    MemberProcess(Properties properties) {
        log = Path.of("target", "member-" + properties.getProperty("tiercache.hazelcast.port") + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.nio=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), MemberMain.class.getName()));
        properties.forEach((name, value) -> command.add(name + "=" + value));
        try {
            process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = answer(60);
        if (!"ready".equals(ready)) {
            throw new IllegalStateException("member process did not start: " + ready);
        }
    }

    /** Sends {@code command} and returns the answer, waiting at most {@code seconds}. */
    String call(String command, int seconds) {
        commands.println(command);
        return answer(seconds);
    }

    private String answer(int seconds) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return answers.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return line.get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no answer from the member process within " + seconds + " s; its threads: "
                    + dumpThreads(), e);
        }
    }

    /**
     * Writes the process's thread dump next to its log ({@code jcmd Thread.print}) and prints it; returns the file's
     * path.
     */
    private String dumpThreads() {
        Path dump = log.resolveSibling(log.getFileName().toString().replace(".log", "-threads.txt"));
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(dump.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
            System.out.println("MemberProcess: the threads of a member that did not answer:");
            System.out.println(Files.readString(dump));
            return dump.toString();
        } catch (IOException e) {
            return "not dumped: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not dumped: interrupted";
        }
    }

    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            resume();
            commands.println("quit");
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
