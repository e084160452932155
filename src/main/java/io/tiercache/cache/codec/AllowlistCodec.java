package io.tiercache.cache.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Java serialization whose reading side admits only an allowlist of classes.
 *
 * <p>Why this codec: the cached values are Java records and collections of them that already implement
 * {@link java.io.Serializable}, so JDK serialization needs no schema or mapping per type and keeps their exact
 * types (records are rebuilt through their canonical constructors, which keeps their invariants). Its known danger,
 * that a stream names a class whose deserialization does harm, is closed by a {@link ObjectInputFilter} built from
 * the allowlist: every class in the stream is checked before it is initialized or instantiated (classes are resolved
 * with {@code initialize=false}), so a value planted in Redis naming any other class fails with
 * {@link RejectedValueException} and no code of that class runs. Graph limits (depth, references, bytes, array
 * length) bound what a hostile stream can allocate. A schema codec (JSON, Protobuf) would need a mapping for every
 * value type the application caches; the allowlist keeps the types free and the trust explicit.
 *
 * <p>Patterns: {@code pkg.*} admits the classes of a package, {@code pkg.**} a package and its subpackages, any
 * other entry one class; the filter rejects everything else. Arrays are checked by component type.
 *
 * <p>The filter is the JDK's ({@link ObjectInputFilter.Config#createFilter}) with its verdict on each class
 * remembered: the JDK's filter matches a class against every pattern anew, through a stream, each time a stream
 * names it, which made it a large part of the CPU cost of reading a small value.
 *
 * <p>Immutable and thread-safe.
 */
public final class AllowlistCodec {

    private final List<String> allow;
    private final ObjectInputFilter filter;
    private final ClassLoader classLoader;

    /**
     * @param allow       semicolon-separated allowlist patterns
     * @param limits      semicolon-separated {@code ObjectInputFilter} limits ({@code maxdepth=20;maxbytes=...})
     * @param classLoader loader of the application's value classes
     */
    public AllowlistCodec(String allow, String limits, ClassLoader classLoader) {
        this.allow = Arrays.stream(allow.split(";")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        for (String pattern : this.allow) {
            if (pattern.startsWith("!") || pattern.contains("=") || pattern.contains("/")) {
                throw new IllegalArgumentException(
                        "Allowlist entry '" + pattern + "' must be a class or package pattern");
            }
        }
        String spec = String.join(";", limits, String.join(";", this.allow), "!*");
        this.filter = new RememberingFilter(ObjectInputFilter.Config.createFilter(spec));
        this.classLoader = classLoader;
    }

    /** The allowlist patterns, in the syntax described on this class. */
    public List<String> allowPatterns() {
        return allow;
    }

    public byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("Value of type " + value.getClass().getName()
                    + " is not serializable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads the value serialized in {@code bytes} from {@code offset} on. */
    public Object decode(byte[] bytes, int offset) {
        return decode(new ByteArrayInputStream(bytes, offset, bytes.length - offset));
    }

    /** Reads the value serialized in {@code stream}. */
    public Object decode(InputStream stream) {
        try (ObjectInputStream in = new FilteredInput(stream)) {
            return in.readObject();
        } catch (InvalidClassException e) {
            throw new RejectedValueException("Value rejected by the allowlist " + allow + ": " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new RejectedValueException("Value cannot be deserialized: " + e, e);
        }
    }

    /**
     * The verdict of {@code jdk}, a pattern filter with limits, with its verdict on each class computed once: the
     * limits (depth, references, bytes, array length) are checked by {@code jdk} on every call, the class by a lookup.
     */
    private static final class RememberingFilter implements ObjectInputFilter {

        private final ObjectInputFilter jdk;
        private final ClassValue<Status> verdicts = new ClassValue<>() {
            @Override
            protected Status computeValue(Class<?> type) {
                return jdk.checkInput(new Only(type, -1, 0, 0, 0));
            }
        };

        RememberingFilter(ObjectInputFilter jdk) {
            this.jdk = jdk;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            Class<?> type = info.serialClass();
            // an array passed as byte[]: the JDK filter checks its length, and nothing else of a primitive array
            Class<?> limitsOf = type != null && type.isArray() ? byte[].class : null;
            Status limits = jdk.checkInput(new Only(limitsOf, info.arrayLength(), info.depth(), info.references(),
                    info.streamBytes()));
            if (limits == Status.REJECTED || type == null) {
                return limits;
            }
            return verdicts.get(type);
        }

        private record Only(Class<?> serialClass, long arrayLength, long depth, long references, long streamBytes)
                implements FilterInfo {
        }
    }

    private final class FilteredInput extends ObjectInputStream {

        FilteredInput(InputStream in) throws IOException {
            super(in);
            setObjectInputFilter(filter);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, classLoader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws InvalidClassException {
            throw new InvalidClassException("dynamic proxies are never deserialized");
        }
    }
}
