package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;

/**
 * The server's own background query (the saved-query warm-up) takes no long-running slot: with one slot, a client's
 * query that runs long beside it keeps the slot and is not stopped. (Without the distinction the older background
 * query took the slot and the client's query was stopped with a 503.)
 */
class BackgroundQueryGateTest {
    static QueryExec exec() {
        return QueryExec.dataset(DatasetGraphFactory.createTxnMem()).query(QueryFactory.create("ASK {}")).build();
    }

    @Test
    void aBackgroundQueryLeavesTheLongSlotToClients() throws Exception {
        QueryGate gate = new QueryGate(4, 1, 10);
        try {
            Thread background = new Thread(() -> {
                try (QueryGate.Ticket b = gate.enterBackground()) {
                    b.attach(exec());
                    Thread.sleep(400);
                    assertNull(b.stoppedBecause(), "the background query is not stopped for want of a slot");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            background.start();
            Thread.sleep(50); // the background query is the older of the two
            try (QueryGate.Ticket client = gate.enter()) {
                client.attach(exec());
                // Both are past the long-running age; the sweeper (every 25 ms) has looked at them many times.
                Thread.sleep(300);
                assertNull(client.stoppedBecause(), "the client's long query holds the one long-running slot");
                assertEquals(2, gate.running());
            }
            background.join();
        } finally {
            gate.shutdown();
        }
    }

    @Test
    void theGateSaysItsOwnLimits() throws Exception {
        QueryGate gate = new QueryGate(2, 1, 10);
        try (QueryGate.Ticket first = gate.enter()) {
            first.attach(exec());
            try (QueryGate.Ticket second = gate.enter()) {
                second.attach(exec());
                QueryGate.Full full = org.junit.jupiter.api.Assertions.assertThrows(QueryGate.Full.class, gate::enter);
                org.junit.jupiter.api.Assertions.assertTrue(full.getMessage().contains("(2)"), full.getMessage());
                Thread.sleep(300); // both are long-running now; one slot: the sweeper stops the other
                String why = first.stoppedBecause() != null ? first.stoppedBecause() : second.stoppedBecause();
                org.junit.jupiter.api.Assertions.assertNotNull(why, "one of the two is stopped");
                org.junit.jupiter.api.Assertions.assertTrue(why.contains("(1 may run"), why);
            }
        } finally {
            gate.shutdown();
        }
    }
}
