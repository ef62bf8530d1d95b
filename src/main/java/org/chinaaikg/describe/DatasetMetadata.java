package org.chinaaikg.describe;

/**
 * What the publishers say of the dataset as a whole: its title, a description and the licence of the data
 * (an IRI, with a short name for pages). Read from the data, never written into the code.
 */
public record DatasetMetadata(String title, String description, String licenseIri, String licenseName) {}
