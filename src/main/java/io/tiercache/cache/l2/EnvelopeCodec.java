package io.tiercache.cache.l2;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.tiercache.cache.codec.AllowlistCodec;
import io.tiercache.cache.codec.RejectedValueException;
import java.time.InstantSource;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

/**
 * The Redisson codec of one cache's L2 values. Writing takes the {@link L2Envelope} bytes as they are; reading
 * unwraps the envelope and decodes the value with the {@link AllowlistCodec} straight from Redisson's buffer, on
 * Redisson's I/O thread as any Redisson codec does, so that an L2 hit costs what a plain Redisson read of the same
 * value costs. A read yields an {@link L2Hit}, {@link Absent#STALE} (older generation), {@link Absent#EXPIRED}, or a
 * {@link Rejected} value (never an exception: a bad value is not a Redis failure).
 *
 * <p>Thread-safe: decoding runs concurrently on Redisson's I/O threads.
 */
final class EnvelopeCodec extends BaseCodec {

    /** A value present in Redis that must not be served. */
    enum Absent { STALE, EXPIRED }

    /** A value that is malformed or names a class outside the allowlist. */
    record Rejected(String reason) {
    }

    private final AllowlistCodec codec;
    private final Generation generation;
    private final InstantSource clock;
    private final Decoder<Object> decoder = (buf, state) -> read(buf);

    EnvelopeCodec(AllowlistCodec codec, Generation generation, InstantSource clock) {
        this.codec = codec;
        this.generation = generation;
        this.clock = clock;
    }

    private Object read(ByteBuf buf) {
        int start = buf.readerIndex();
        if (buf.readableBytes() <= L2Envelope.HEADER || buf.getByte(start) != L2Envelope.FORMAT) {
            return new Rejected("not in the tiercache format");
        }
        if (buf.getLong(start + 1) != generation.current()) {
            return Absent.STALE;
        }
        long expiresAt = buf.getLong(start + 9);
        if (expiresAt <= clock.millis()) {
            return Absent.EXPIRED;
        }
        buf.skipBytes(L2Envelope.HEADER);
        try {
            return new L2Hit(codec.decode(new ByteBufInputStream(buf)), expiresAt);
        } catch (RejectedValueException e) {
            return new Rejected(e.getMessage());
        }
    }

    @Override
    public Decoder<Object> getValueDecoder() {
        return decoder;
    }

    @Override
    public Encoder getValueEncoder() {
        return ByteArrayCodec.INSTANCE.getValueEncoder();
    }
}
