package io.tiercache.cache.key;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Redis glob pattern, matched exactly as Redis matches it in {@code SCAN MATCH} and {@code KEYS}: a port of
 * {@code stringmatchlen} (case-sensitive) in Redis {@code src/util.c}.
 *
 * <p>Like Redis it works on the UTF-8 bytes of pattern and key, not on characters: {@code ?} is any one byte,
 * {@code *} any bytes (line terminators included), {@code [...]} one byte of a set of bytes and ranges {@code a-z} (a
 * reversed range is swapped; bytes compare as C {@code char}s, signed as in x86-64 builds of Redis), {@code [^...]} one
 * byte outside it, and {@code \} makes the next byte literal inside and outside sets. Quirks kept: a set still open at
 * the end of the pattern ends there, a trailing {@code \} is literal, {@code *} does not match the empty key (Redis'
 * {@code SCAN MATCH *} returns it only because it skips matching for that one pattern), and a match that goes through
 * more than 1000 nested {@code *} fails (Redis' guard against abusive patterns). Immutable and thread-safe.
 */
public final class RedisGlob {

    private static final int MAX_NESTING = 1000;

    /** The pattern's bytes followed by a 0, read where Redis reads the terminating NUL of its string. */
    private final byte[] pattern;
    private final int length;

    public RedisGlob(String pattern) {
        byte[] bytes = pattern.getBytes(StandardCharsets.UTF_8);
        this.pattern = Arrays.copyOf(bytes, bytes.length + 1);
        this.length = bytes.length;
    }

    /** Whether Redis would select {@code key} with this pattern. */
    public boolean matches(String key) {
        byte[] string = key.getBytes(StandardCharsets.UTF_8);
        return new Match(string).from(0, length, 0, string.length, 0);
    }

    @Override
    public String toString() {
        return new String(pattern, 0, length, StandardCharsets.UTF_8);
    }

    /** One matching of a key: {@code stringmatchlen_impl} with its shared {@code skipLongerMatches} flag. */
    private final class Match {

        private final byte[] string;
        private boolean skipLongerMatches;

        Match(byte[] string) {
            this.string = string;
        }

        boolean from(int p, int patternLen, int s, int stringLen, int nesting) {
            if (nesting > MAX_NESTING) {
                return false;
            }
            while (patternLen > 0 && stringLen > 0) {
                switch (pattern[p]) {
                    case '*' -> {
                        while (patternLen > 0 && pattern[p + 1] == '*') {
                            p++;
                            patternLen--;
                        }
                        if (patternLen == 1) {
                            return true;
                        }
                        while (stringLen > 0) {
                            if (from(p + 1, patternLen - 1, s, stringLen, nesting + 1)) {
                                return true;
                            }
                            if (skipLongerMatches) {
                                return false;
                            }
                            s++;
                            stringLen--;
                        }
                        skipLongerMatches = true;
                        return false;
                    }
                    case '?' -> {
                        s++;
                        stringLen--;
                    }
                    case '[' -> {
                        p++;
                        patternLen--;
                        boolean not = pattern[p] == '^';
                        if (not) {
                            p++;
                            patternLen--;
                        }
                        boolean match = false;
                        while (true) {
                            if (pattern[p] == '\\' && patternLen >= 2) {
                                p++;
                                patternLen--;
                                if (pattern[p] == string[s]) {
                                    match = true;
                                }
                            } else if (pattern[p] == ']') {
                                break;
                            } else if (patternLen == 0) {
                                p--;
                                patternLen++;
                                break;
                            } else if (patternLen >= 3 && pattern[p + 1] == '-') {
                                int start = pattern[p];
                                int end = pattern[p + 2];
                                int c = string[s];
                                if (start > end) {
                                    int t = start;
                                    start = end;
                                    end = t;
                                }
                                p += 2;
                                patternLen -= 2;
                                if (c >= start && c <= end) {
                                    match = true;
                                }
                            } else if (pattern[p] == string[s]) {
                                match = true;
                            }
                            p++;
                            patternLen--;
                        }
                        if (not) {
                            match = !match;
                        }
                        if (!match) {
                            return false;
                        }
                        s++;
                        stringLen--;
                    }
                    default -> {
                        if (pattern[p] == '\\' && patternLen >= 2) {
                            p++;
                            patternLen--;
                        }
                        if (pattern[p] != string[s]) {
                            return false;
                        }
                        s++;
                        stringLen--;
                    }
                }
                p++;
                patternLen--;
                if (stringLen == 0) {
                    while (pattern[p] == '*') {
                        p++;
                        patternLen--;
                    }
                    break;
                }
            }
            return patternLen == 0 && stringLen == 0;
        }
    }
}
