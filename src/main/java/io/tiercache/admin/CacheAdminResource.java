package io.tiercache.admin;

import io.tiercache.admin.security.AdminOnly;
import io.tiercache.cache.TieredCache;
import io.tiercache.observability.CacheInventory;
import io.tiercache.problem.InvalidParameterException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The cache admin API, {@code /api/cache}: statistics, health, clearing, deleting keys by pattern and requesting a
 * warm-up, for the caches this instance has created (caches are created on first use). Only for callers with the
 * role {@code cache-admin} (see {@code io.tiercache.admin.security}); every response has
 * {@code Cache-Control: no-store}. Clearing and deleting reach both layers on every instance.
 */
@Path("cache")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class CacheAdminResource {

    @Inject
    CacheInventory inventory;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    Event<CacheWarmRequested> warmRequests;

    @Inject
    BeanManager beanManager;

    /** Statistics of every cache, by layer, with latency percentiles. */
    @GET
    @Path("stats")
    public Response stats() {
        JsonArrayBuilder caches = Json.createArrayBuilder();
        inventory.caches().values().forEach(cache -> caches.add(StatisticsJson.of(cache.snapshot())));
        return json(Response.Status.OK, Json.createObjectBuilder().add("caches", caches));
    }

    /** The liveness and readiness checks of the service; 503 when one of them is down. */
    @GET
    @Path("health")
    public Response health() {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        boolean up = true;
        for (Instance<HealthCheck> group : List.of(liveness, readiness)) {
            for (HealthCheck check : group) {
                HealthCheckResponse response = check.call();
                up &= response.getStatus() == HealthCheckResponse.Status.UP;
                JsonObjectBuilder data = Json.createObjectBuilder();
                response.getData().orElse(Map.of()).forEach((key, value) -> data.add(key, jsonValue(value)));
                checks.add(Json.createObjectBuilder().add("name", response.getName())
                        .add("status", response.getStatus().name()).add("data", data));
            }
        }
        return json(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE,
                Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", checks));
    }

    /** Empties every cache, or only {@code cache}, in both layers on every instance. */
    @POST
    @Path("clear")
    public Response clear(@QueryParam("cache") String cache) {
        Map<String, TieredCache<?, ?>> targets = cache == null ? inventory.caches() : Map.of(cache, known(cache));
        JsonArrayBuilder cleared = Json.createArrayBuilder();
        targets.forEach((name, target) -> {
            target.clear();
            cleared.add(name);
        });
        return json(Response.Status.OK, Json.createObjectBuilder().add("cleared", cleared));
    }

    /** Removes the keys of {@code cache} that match the glob {@code pattern}, from both layers on every instance. */
    @DELETE
    @Path("{cache}/keys")
    public Response deleteKeys(@PathParam("cache") String cache, @QueryParam("pattern") String pattern) {
        String glob = GlobPattern.validated(pattern);
        long removed = known(cache).invalidatePattern(glob);
        return json(Response.Status.OK, Json.createObjectBuilder()
                .add("cache", cache).add("pattern", glob).add("removed", removed));
    }

    /**
     * Fires {@link CacheWarmRequested} asynchronously for every cache, or only {@code cache}, and answers 202 with
     * the number of observers that will handle it (0 when nothing in the application warms caches).
     */
    @POST
    @Path("warm")
    public Response warm(@QueryParam("cache") String cache) {
        CacheWarmRequested request = new CacheWarmRequested(cache == null ? Set.of() : Set.of(known(cache).getName()));
        int observers = beanManager.resolveObserverMethods(request).size();
        warmRequests.fireAsync(request);
        JsonArrayBuilder caches = Json.createArrayBuilder();
        request.caches().forEach(caches::add);
        return json(Response.Status.ACCEPTED, Json.createObjectBuilder()
                .add("caches", caches).add("observers", observers));
    }

    private TieredCache<?, ?> known(String cache) {
        if (cache.isBlank()) {
            throw new InvalidParameterException("cache", "must not be blank");
        }
        return inventory.cache(cache).orElseThrow(() -> new UnknownCacheException(cache));
    }

    private static JsonValue jsonValue(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Long || value instanceof Integer) {
            return Json.createValue(((Number) value).longValue());
        }
        return Json.createValue(String.valueOf(value));
    }

    private static Response json(Response.Status status, JsonObjectBuilder body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }
}
