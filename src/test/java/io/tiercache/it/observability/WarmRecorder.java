package io.tiercache.it.observability;

import io.tiercache.admin.CacheWarmRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the warm-up requests it observes, as the application's warmers will. */
@ApplicationScoped
public class WarmRecorder {

    private final List<CacheWarmRequested> received = new CopyOnWriteArrayList<>();

    void onWarm(@ObservesAsync CacheWarmRequested request) {
        received.add(request);
    }

    public List<CacheWarmRequested> received() {
        return received;
    }
}
