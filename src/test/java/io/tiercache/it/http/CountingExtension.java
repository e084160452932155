package io.tiercache.it.http;

import io.tiercache.backtest.domain.BacktestService;
import io.tiercache.backtest.domain.StrategyService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.Set;

/** Test-only: binds {@link CountingInterceptor} to the domain services, so the test sees every real load. */
public class CountingExtension implements Extension {

    private static final Set<Class<?>> COUNTED = Set.of(StrategyService.class, BacktestService.class);

    <T> void count(@Observes ProcessAnnotatedType<T> type) {
        if (COUNTED.contains(type.getAnnotatedType().getJavaClass())) {
            type.configureAnnotatedType().add(Counted.Literal.INSTANCE);
        }
    }
}
