package io.tiercache.cache.codec;

import java.io.Serializable;

/** Serialized, then renamed in the stream to {@link GadgetB} (same length, same shape). */
final class GadgetA implements Serializable {

    private static final long serialVersionUID = 1L;
}
