package io.tiercache.backtest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tiercache.backtest.RequestRefusedException;
import io.tiercache.backtest.domain.ConcurrentUpdateException;
import io.tiercache.backtest.domain.DuplicateStrategyNameException;
import io.tiercache.backtest.domain.InvalidReferenceException;
import io.tiercache.backtest.domain.UnknownEntityException;
import io.tiercache.backtest.simulation.InvalidSimulationException;
import io.tiercache.backtest.simulation.UnknownSymbolException;
import org.junit.jupiter.api.Test;

/**
 * Each refusal of the domain and the simulation becomes, through the one mapper, exactly the document that the
 * six mappers it replaced wrote: type, title, status, detail, instance and errors, byte for byte.
 */
class RequestRefusedMapperTest {

    private static final String INSTANCE = "/api/x";

    @Test
    void anUnknownEntityIsNotFound() {
        assertDocument("{\"type\":\"urn:tiercache:problem:not-found\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"Strategy 42 does not exist\",\"instance\":\"/api/x\",\"errors\":[]}",
                new UnknownEntityException("Strategy", 42), false);
    }

    @Test
    void aDuplicateNameIsAConflictOnTheNameField() {
        assertDocument("{\"type\":\"urn:tiercache:problem:duplicate-name\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"A strategy named 'Golden' already exists\",\"instance\":\"/api/x\","
                + "\"errors\":[{\"field\":\"name\",\"message\":\"is already used by another strategy\"}]}",
                new DuplicateStrategyNameException("Golden", null), false);
    }

    @Test
    void anInvalidReferenceNamesItsField() {
        assertDocument("{\"type\":\"urn:tiercache:problem:invalid-reference\",\"title\":\"Invalid request\","
                + "\"status\":400,\"detail\":\"strategy 9 does not exist\",\"instance\":\"/api/x\","
                + "\"errors\":[{\"field\":\"strategyId\",\"message\":\"strategy 9 does not exist\"}]}",
                new InvalidReferenceException("strategyId", "strategy 9 does not exist"), false);
    }

    @Test
    void anInvalidSimulationNamesItsField() {
        assertDocument("{\"type\":\"urn:tiercache:problem:invalid-simulation\",\"title\":\"Invalid backtest\","
                + "\"status\":400,\"detail\":\"from is required\",\"instance\":\"/api/x\","
                + "\"errors\":[{\"field\":\"from\",\"message\":\"from is required\"}]}",
                new InvalidSimulationException("from", "from is required"), false);
    }

    @Test
    void anUnknownSymbolIsInvalidOnTheSymbolField() {
        assertDocument("{\"type\":\"urn:tiercache:problem:unknown-symbol\",\"title\":\"Invalid backtest\","
                + "\"status\":400,\"detail\":\"No price data for symbol 'ZULU'\",\"instance\":\"/api/x\","
                + "\"errors\":[{\"field\":\"symbol\",\"message\":\"has no price data; see /api/symbols\"}]}",
                new UnknownSymbolException("ZULU"), false);
    }

    @Test
    void aConcurrentUpdateIsAConflictOrAFailedPrecondition() {
        ConcurrentUpdateException lost = new ConcurrentUpdateException(new IllegalStateException("optimistic lock"));
        assertDocument("{\"type\":\"urn:tiercache:problem:concurrent-update\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"The resource was changed by another request at the same time\","
                + "\"instance\":\"/api/x\",\"errors\":[]}", lost, false);
        assertDocument("{\"type\":\"urn:tiercache:problem:precondition-failed\",\"title\":\"Precondition Failed\","
                + "\"status\":412,\"detail\":\"The resource was changed by another request at the same time\","
                + "\"instance\":\"/api/x\",\"errors\":[]}", lost, true);
    }

    private static void assertDocument(String expected, RequestRefusedException refused, boolean conditional) {
        assertEquals(expected, RequestRefusedMapper.problem(refused, conditional, INSTANCE).toJson());
    }
}
