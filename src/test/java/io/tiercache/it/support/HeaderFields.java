package io.tiercache.it.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The header fields of a response, as tests compare two responses that must say the same. */
public final class HeaderFields {

    private HeaderFields() {
    }

    /** The fields of {@code response} but {@code Date} (which changes by the second), by case-insensitive name. */
    public static Map<String, List<String>> butDate(HttpResponse<?> response) {
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.putAll(response.headers().map());
        fields.remove("date");
        return fields;
    }
}
