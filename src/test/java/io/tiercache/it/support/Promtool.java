package io.tiercache.it.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own linter, {@code promtool check metrics}, found on the {@code PATH} (Debian: {@code apt-get install
 * prometheus}). A test that needs it is skipped, with a JUnit assumption saying why, where it is not installed.
 */
public final class Promtool {

    private Promtool() {
    }

    /**
     * What {@code promtool check metrics} prints about {@code exposition} (Prometheus text), empty when it finds
     * nothing to say; skips the calling test when promtool is not installed.
     */
    public static String checkMetrics(String exposition) throws IOException, InterruptedException {
        Optional<Path> promtool = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
        assumeTrue(promtool.isPresent(), "promtool is not installed (Debian: apt-get install prometheus): "
                + "the exposition is not linted by Prometheus' own tool, only by the assertions of this test");
        Process process = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
                .redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool check metrics did not finish within 30 s");
        }
        return output.strip();
    }
}
