package io.tiercache.http;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@link Representation}'s stored bytes as they are, in the media type they were serialized to, with their
 * {@code Content-Length} (the runtimes would otherwise send a body larger than their buffer chunked, without one).
 */
@Provider
@Produces(MediaType.WILDCARD)
public final class RepresentationWriter implements MessageBodyWriter<Representation> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Representation.class;
    }

    @Override
    public long getSize(Representation representation, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType) {
        return representation.length();
    }

    @Override
    public void writeTo(Representation representation, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle(HttpHeaders.CONTENT_LENGTH, representation.length());
        representation.writeTo(out);
    }
}
