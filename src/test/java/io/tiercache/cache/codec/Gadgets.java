package io.tiercache.cache.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds a serialized {@link GadgetB} without loading that class. */
public final class Gadgets {

    private Gadgets() {
    }

    public static byte[] serializedGadget() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(new GadgetA());
            }
            byte[] stream = bytes.toByteArray();
            byte[] from = GadgetA.class.getName().getBytes(StandardCharsets.UTF_8);
            byte[] to = "io.tiercache.cache.codec.GadgetB".getBytes(StandardCharsets.UTF_8);
            int at = indexOf(stream, from);
            System.arraycopy(to, 0, stream, at, to.length);
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean gadgetCodeRan() {
        return GadgetFlags.initialized || GadgetFlags.deserialized;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("class name not found in the stream");
    }
}
