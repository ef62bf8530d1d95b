package org.chinaaikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chinaaikg.Fixtures;
import org.chinaaikg.Fixtures.Run;
import org.junit.jupiter.api.Test;

/** Every command explains itself; a wrong command line fails. */
class HelpTest {
    @Test
    void everyCommandHasHelp() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            Run r = Fixtures.run(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().contains("Usage:"), command);
        }
        assertTrue(Main.commandLine().getSubcommands().keySet().containsAll(java.util.Set.of("serve", "load", "query", "validate")));
    }

    @Test
    void unknownCommandOrOptionFails() {
        assertNotEquals(0, Fixtures.run("no-such-command").exitCode());
        assertNotEquals(0, Fixtures.run("load", "--no-such-option").exitCode());
        assertNotEquals(0, Fixtures.run().exitCode());
    }
}
