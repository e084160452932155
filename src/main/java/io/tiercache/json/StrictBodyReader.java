package io.tiercache.json;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads JSON request bodies into {@link StrictBody} records with {@link StrictRecordReader}, in place of the
 * runtime's JSON-B (Yasson on Payara, RESTEasy's on WildFly), which would change numbers that do not fit, replace
 * invalid UTF-8 and ignore unknown or repeated names. Being the application's, and for a narrower type, it is
 * chosen over the runtime's own reader.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public final class StrictBodyReader implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.isAnnotationPresent(StrictBody.class);
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return StrictRecordReader.read(type, body);
    }
}
