package org.chinaaikg.hardening;

/** A class that notes when the JVM initialises it: a query must never make the server load a class by name. */
public final class LoadedByName {
    static {
        Initialised.yes = true;
    }

    private LoadedByName() {}

    /** Held apart, so that reading the flag does not itself initialise {@link LoadedByName}. */
    public static final class Initialised {
        public static volatile boolean yes;

        private Initialised() {}
    }
}
