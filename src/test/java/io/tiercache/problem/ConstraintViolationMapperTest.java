package io.tiercache.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tiercache.backtest.api.StrategyRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConstraintViolationMapperTest {

    /** Shaped like a resource method: a request body parameter validated with {@code @Valid}. */
    static final class Resource {
        public void create(@NotNull @Valid StrategyRequest request) {
        }
    }

    @Test
    void namesTheRequestFieldBelowTheMethodParameter() throws NoSuchMethodException {
        Set<String> fields = fieldsOf(new StrategyRequest(" ", null, 20, 10, 0.5, null));
        assertEquals(Set.of("name", "slowWindow", "commissionBps"), fields);
    }

    @Test
    void namesTheBodyWhenItIsMissing() throws NoSuchMethodException {
        assertEquals(Set.of("body"), fieldsOf(null));
    }

    private static Set<String> fieldsOf(StrategyRequest request) throws NoSuchMethodException {
        Method create = Resource.class.getMethod("create", StrategyRequest.class);
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Set<ConstraintViolation<Resource>> violations = factory.getValidator().forExecutables()
                    .validateParameters(new Resource(), create, new Object[] {request});
            return violations.stream().map(ConstraintViolationMapper::field).collect(Collectors.toSet());
        }
    }
}
