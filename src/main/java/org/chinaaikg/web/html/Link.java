package org.chinaaikg.web.html;

import org.chinaaikg.vocab.Iris;

/** A hyperlink as a page shows it: where it goes and its text (templates escape both). */
public record Link(String href, String text) {

    /** A link to the page of an IRI on this server (or to the IRI itself when it is not ours). */
    public static Link to(String iri, String text) {
        return new Link(Iris.localLink(iri), text);
    }
}
