/**
 * Runs every JMH benchmark and prints the figures and ratios ({@link io.tiercache.bench.BenchmarkRunner}, the main
 * class of {@code mvn -Pbench test-compile exec:exec}).
 */
package io.tiercache.bench;
