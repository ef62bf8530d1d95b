package org.chinaaikg.web;

import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;

/**
 * The one content negotiation of every resource we serve (RFC 9110, section 12.5.1): each offered media type gets
 * the quality of the most specific range of the Accept header that matches it; the best quality above zero wins,
 * and ties go to the type offered first. {@code q=0} means "not this one".
 */
public final class Conneg {
    private Conneg() {}

    /** The offer to send, or empty when the header accepts none of them (callers then send their default, not 406). */
    public static Optional<String> choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) return Optional.of(offers.get(0));
        List<MediaRange> ranges;
        try {
            ranges = new AcceptList(accept).entries();
        } catch (RuntimeException unparseable) {
            return Optional.empty();
        }
        String best = null;
        double bestQuality = 0;
        for (String offer : offers) {
            double q = quality(ranges, MediaType.create(offer));
            if (q > bestQuality) {
                best = offer;
                bestQuality = q;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The quality the most specific matching range gives a type; 0 when no range matches. */
    static double quality(List<MediaRange> ranges, MediaType type) {
        int bestSpecificity = -1;
        double q = 0;
        for (MediaRange range : ranges) {
            if (!range.accepts(type)) continue;
            int specificity = "*".equals(range.getType()) ? 0 : "*".equals(range.getSubType()) ? 1 : 2;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = range.get_q();
            }
        }
        return q;
    }
}
