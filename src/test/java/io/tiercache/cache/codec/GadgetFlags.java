package io.tiercache.cache.codec;

/** Set by the gadget classes if any of their code ever runs. */
final class GadgetFlags {

    static volatile boolean initialized;
    static volatile boolean deserialized;

    private GadgetFlags() {
    }
}
