package org.chinaaikg.describe;

import org.chinaaikg.store.Derived;

/**
 * What the publishers say of the dataset as a whole: its title, a description and the licence of the data
 * (an IRI, with a short name for pages). Read from the data, never written into the code: {@code data/dataset.ttl},
 * as {@code load} kept it ({@link Derived#about()}). A field is null when the data does not say it.
 */
public record DatasetMetadata(String title, String description, String licenseIri, String licenseName) {

    public static DatasetMetadata of(Derived derived) {
        Derived.About about = derived.about();
        String license = about.license();
        return new DatasetMetadata(about.title(), about.description(), license, license == null ? null : derived.titles().get(license));
    }
}
