package io.tiercache.problem;

import jakarta.ws.rs.core.UriInfo;

/** Helpers shared by the exception mappers. */
final class Problems {

    private Problems() {
    }

    /** The {@code instance} member: the path of the request at fault. */
    static String instance(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
