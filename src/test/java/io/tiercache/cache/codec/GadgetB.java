package io.tiercache.cache.codec;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/** Outside the allowlist: initializing or deserializing it flips a flag. The tests never touch it directly. */
final class GadgetB implements Serializable {

    private static final long serialVersionUID = 1L;

    static {
        GadgetFlags.initialized = true;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        GadgetFlags.deserialized = true;
        in.defaultReadObject();
    }
}
