package org.chinaaikg.describe;

import org.chinaaikg.store.Derived;

import java.util.Map;

/**
 * Counts that describe the dataset (for VoID, the service description and the home page). They are computed by
 * {@code load} and kept with the store ({@link Derived}); the store is read-only while served, so they never go stale
 * and no request scans the store for them.
 */
public record DatasetStatistics(long triples, long entities, long claims, Map<String, Long> triplesByGraph,
                                Map<String, Long> entitiesByClass, Map<String, Long> entitiesByClassAndSubclasses,
                                Map<String, Long> claimsBySource) {

    public static DatasetStatistics of(Derived derived) {
        return new DatasetStatistics(derived.triples(), derived.entities(), derived.claims(), derived.triplesByGraph(),
                derived.entitiesByClass(), derived.entitiesByClassAndSubclasses(), derived.claimsBySource());
    }
}
