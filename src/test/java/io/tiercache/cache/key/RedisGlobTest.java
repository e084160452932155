package io.tiercache.cache.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.cache.EngineFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/**
 * {@link RedisGlob} selects exactly the keys a real redis-server's {@code SCAN MATCH} selects, for generated keys and
 * patterns (seed printed; rerun one with {@code -Dredisglob.seed=<seed>}) and for the corner cases of Redis' matcher.
 */
class RedisGlobTest {

    /** Characters of keys and patterns: glob syntax, line terminators, NUL, 2-, 3- and 4-byte UTF-8. */
    private static final String[] ALPHABET = {"a", "b", "z", "-", "^", "*", "?", "[", "]", "\\", "\n", "\r",
        "\u0085", "\u2028", "\u2029", "\u0000", "é", "€", "\uD83D\uDE00"};
    private static final String[] GLOB_SYNTAX = {"*", "?", "[", "]", "^", "-", "\\", "[^"};

    private static RedisServer redis;
    private static RedissonClient redisson;

    @BeforeAll
    static void start() {
        int port = EngineFixture.freePort();
        redis = EngineFixture.startRedis(port);
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port).setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(2);
        config.setNettyThreads(2);
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void stop() {
        redisson.shutdown();
        EngineFixture.stop(redis);
    }

    private static boolean matches(String glob, String key) {
        return new RedisGlob(glob).matches(key);
    }

    @Test
    void matchesLikeRedis() {
        assertTrue(matches("strategies:list:*", "strategies:list:page=1&size=20"));
        assertFalse(matches("strategies:list:*", "strategies:detail:1"));
        assertTrue(matches("k?", "k1"));
        assertFalse(matches("k?", "k12"));
        assertTrue(matches("k[12]", "k2"));
        assertFalse(matches("k[^12]", "k2"));
        assertTrue(matches("k[a-c]", "kb"));
        assertTrue(matches("k[c-a]", "kb"), "a reversed range is swapped");
        assertTrue(matches("a.b(c)+$", "a.b(c)+$"), "regex metacharacters are literals");
        assertFalse(matches("a.b", "axb"));
        assertTrue(matches("lit\\*", "lit*"));
        assertFalse(matches("lit\\*", "literal"));
        assertTrue(matches("a?b", "a\nb"), "? matches a line terminator");
        assertFalse(matches("?", "é"), "? is one byte");
        assertTrue(matches("??", "é"));
        assertTrue(matches("[ab", "b"), "an unclosed set ends with the pattern");
        assertTrue(matches("a\\", "a\\"), "a trailing backslash is literal");
        assertFalse(matches("*", ""), "as stringmatchlen: * needs a byte");
        assertTrue(matches("x*", "x"));
    }

    @Test
    void cornerCasesSelectWhatRedisSelects() {
        List<String> keys = new ArrayList<>(List.of("a", "b", "z", "-", "^", "]", "[", "\\", "é", "\u0000", "ab",
                "a-", "[]", "a]", "\n", "aé"));
        List<String> globs = List.of("[", "[^", "\\", "a\\", "[a-", "[a-]", "[a-]]", "[]]", "[]", "[^]", "[\\]]",
                "[\\", "[z-a]", "[é]", "[a-é]", "[é-a]", "[^a-z]", "*?*", "**", "?[", "[-]", "[a-\\]", "[\\-]",
                "a[", "*]", "*\\", "[^\\", "\u0000", "[\u0000-a]", "*é", "[\\é]*");
        assertSameSelection(keys, globs, "corner cases");
    }

    @Test
    void generatedPatternsSelectWhatRedisSelects() {
        long seed = Long.getLong("redisglob.seed", System.nanoTime());
        System.out.println("RedisGlobTest seed " + seed);
        Random random = new Random(seed);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(text(random, ALPHABET, 1 + random.nextInt(6)));
        }
        List<String> globs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            globs.add(i % 2 == 0 ? text(random, ALPHABET, random.nextInt(9)) : globOf(random, keys));
        }
        assertSameSelection(keys, globs, "seed " + seed);
    }

    private static String text(Random random, String[] alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(3) == 0
                    ? GLOB_SYNTAX[random.nextInt(GLOB_SYNTAX.length)]
                    : alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    /** A pattern made from one of the keys with some characters replaced by glob syntax, so it often matches. */
    private static String globOf(Random random, List<String> keys) {
        String key = keys.get(random.nextInt(keys.size()));
        StringBuilder glob = new StringBuilder();
        key.codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            String other = ALPHABET[random.nextInt(ALPHABET.length)];
            glob.append(switch (random.nextInt(12)) {
                case 0 -> "?";
                case 1 -> "*";
                case 2 -> "[" + c + other + "]";
                case 3 -> "[^" + other + "]";
                case 4 -> "[" + other + "-" + c + "]";
                case 5 -> "\\" + c;
                default -> c;
            });
        });
        return glob.toString();
    }

    private static void assertSameSelection(List<String> keys, List<String> globs, String context) {
        redisson.getKeys().flushall();
        Map<String, String> entries = new HashMap<>();
        keys.forEach(key -> entries.put(key, "v"));
        redisson.getBuckets(StringCodec.INSTANCE).set(entries);
        int selections = 0;
        for (String glob : globs) {
            Set<String> byRedis = StreamSupport.stream(redisson.getKeys().getKeys(KeysScanOptions.defaults()
                    .pattern(glob).chunkSize(1000)).spliterator(), false).collect(Collectors.toSet());
            Set<String> byGlob = entries.keySet().stream().filter(key -> matches(glob, key))
                    .collect(Collectors.toSet());
            assertEquals(show(byRedis), show(byGlob), () -> context + ", pattern " + show(Set.of(glob)));
            selections += byRedis.size();
        }
        System.out.println("RedisGlobTest " + context + ": " + globs.size() + " patterns selected " + selections
                + " keys in all");
    }

    /** The texts with every character outside printable ASCII as a Java escape, sorted. */
    private static String show(Set<String> texts) {
        return texts.stream().sorted().map(text -> text.codePoints()
                        .mapToObj(cp -> cp >= ' ' && cp <= '~' ? Character.toString(cp) : String.format("\\u%04X", cp))
                        .collect(Collectors.joining())).collect(Collectors.joining(", ", "[", "]"));
    }
}
