package org.chinaaikg.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.chinaaikg.provenance.QuoteLocation;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.Prefixes;

/**
 * Writes an analysis as a draft statement file, {@code data/statements/NNN-slug.ttl}, in the layout of the curated
 * ones (data/README.md): the ontology header, the document, its mentions, the candidate claims with their
 * quantities and evidence; candidates for new entities and the sentences not proposed as claims as comments.
 * The document and every claim carry {@code kg:curationStatus kg:Draft} on a line of its own, so that a curator
 * accepts one by deleting that line.
 */
public final class DraftWriter {
    public static final String STATUS_LINE = "    kg:curationStatus kg:Draft ;";

    /**
     * The project's one prefix map (so {@code org:} is W3C ORG, as in the ontology and the curated files), and a
     * prefix per kind of instance: {@code organization:} for ours, {@code src:} for sources, the kind's name otherwise.
     */
    static final Map<String, String> PREFIXES = new LinkedHashMap<>(Prefixes.all().getNsPrefixMap());
    static {
        for (String kind : List.of("source", "org", "person", "product", "model", "system", "policy", "event", "place",
                "segment", "tech", "role", "report", "membership", "claim")) {
            PREFIXES.put(kind.equals("source") ? "src" : kind.equals("org") ? "organization" : kind, Iris.ID + kind + "/");
        }
    }

    /** Where the draft goes and what names it. */
    public record Target(int number, String slug, String sourceSlug, List<String> skipFiles) {
        public String fileName() { return String.format("%03d-%s.ttl", number, slug); }
        public String graph() { return Iris.GRAPH + "statements/" + fileName().replaceAll("\\.ttl$", ""); }
        public String sourceIri() { return Iris.ID + "source/" + sourceSlug; }
    }

    private DraftWriter() {}

    public static String write(Ingest.Analysis a, Ingest.Document doc, Target t, EntityIndex index, String publisherIri) {
        StringBuilder b = new StringBuilder();
        String nnn = String.format("%03d", t.number());
        b.append("# DRAFT of source ").append(nnn).append(", written by `china-ai-kg ingest ").append(a.fileName()).append("`.\n")
                .append("# Nothing here is accepted yet: what carries `kg:curationStatus kg:Draft` is a proposal computed from\n")
                .append("# the words of the text (sentences, names, numbers), which validate reports and load and serve refuse.\n")
                .append("# For each claim: check it against its quote; correct its label, kind, statement, schema:about and\n")
                .append("# quantities; then ACCEPT it by deleting its `kg:curationStatus kg:Draft` line, or REJECT it by deleting\n")
                .append("# its block (from `claim:").append(nnn).append("-… a kg:Claim` to the blank line after its evidence).\n")
                .append("# Accept the document the same way. The evidence (selectors) was computed by provenance/QuoteLocation:\n")
                .append("# keep it as it is, or recompute it with `locate` if you shorten a quote.\n");
        PREFIXES.forEach((p, ns) -> b.append("@prefix ").append(p).append(": <").append(ns).append("> .\n"));
        b.append("\n<").append(t.graph()).append("> a owl:Ontology ;\n    owl:imports <").append(Iris.ONTOLOGY).append("> .\n\n");

        // -- the document
        String src = q(t.sourceIri());
        b.append("# -- The document --------------------------------------------------------------\n");
        b.append("# Described here and not in documents.ttl, so that the whole draft is this one file: deleting it undoes\n");
        b.append("# the ingest. Once accepted it may stay here or move to documents.ttl.\n");
        b.append(src).append(" a kg:SourceDocument ;\n").append(STATUS_LINE).append('\n');
        if (doc.title() != null) {
            b.append("    rdfs:label ").append(lit(doc.title())).append("@en ;\n");
            b.append("    dcterms:title ").append(lit(doc.title())).append("@en ;\n");
        } else {
            b.append("    # no --title given: dcterms:title and rdfs:label are required (SHACL)\n");
        }
        if (publisherIri != null) b.append("    dcterms:publisher ").append(q(publisherIri)).append(" ;\n");
        else if (doc.publisher() != null) b.append("    # publisher \"").append(doc.publisher().replace('\n', ' '))
                .append("\" is no entity of data/entities/: describe it there, then add dcterms:publisher org:… ;\n");
        if (doc.kind() != null) b.append("    kg:sourceKind kg:").append(doc.kind()).append(" ;\n");
        else b.append("    # no --kind given: kg:sourceKind is required (SHACL); its values are the kg:SourceKind concepts\n");
        if (doc.date() != null) {
            String dt = datatype(doc.date());
            if (doc.dateInferenceReason() == null) {
                b.append("    dcterms:issued \"").append(doc.date()).append("\"^^xsd:").append(dt).append(" ;\n");
            } else {
                b.append("    kg:inferredDate \"").append(doc.date()).append("\"^^xsd:").append(dt).append(" ;\n");
                b.append("    kg:dateInferenceReason ").append(lit(doc.dateInferenceReason())).append("@en ;\n");
            }
        } else {
            b.append("    # no --date given: the date stays unsaid (SHACL asks for dcterms:issued, or kg:inferredDate with\n")
                    .append("    # kg:dateInferenceReason, before the document is accepted)\n");
        }
        if (doc.language() != null) b.append("    dcterms:language \"").append(doc.language()).append("\" ;\n");
        b.append("    kg:fileName ").append(lit(a.fileName())).append(" ;\n");
        b.append("    kg:sha256 \"").append(a.text().source().sha256()).append("\" .\n\n");

        // -- what was left out
        b.append("# -- Left out as not-an-article: ").append(a.skipped().size()).append(" stretch(es)");
        b.append(t.skipFiles().isEmpty() ? " (no --skip rules given)" : " by " + String.join(", ", t.skipFiles())).append('\n');
        for (SkipRules.Skipped k : merged(a.skipped())) {
            int s = a.text().cp(k.from()), e = a.text().cp(k.to());
            b.append("#   ").append(s).append('-').append(e).append("  ").append(comment(a.text().string().substring(k.from(), k.to()), 70)).append('\n');
        }
        b.append('\n');

        // -- mentions
        List<String> iris = Ingest.distinct(a.mentions());
        b.append("# -- Entities the graph knows, named by the text: ").append(iris.size()).append(" --------------------------\n");
        if (!iris.isEmpty()) {
            b.append(src).append(" kg:mentions\n    ").append(iris.stream().map(DraftWriter::q).collect(Collectors.joining(" ,\n    "))).append(" .\n");
        }
        for (String iri : iris) {
            b.append("#   ").append(q(iri)).append("  ").append(a.mentions().stream().filter(m -> m.iri().equals(iri))
                    .map(m -> "\"" + m.text() + "\" " + m.start() + "-" + m.end()).collect(Collectors.joining(", "))).append('\n');
        }
        b.append('\n');

        // -- new entities
        Map<String, List<EntityCandidates.Candidate>> fresh = new LinkedHashMap<>();
        a.newEntities().forEach(c -> fresh.computeIfAbsent(c.text(), k -> new ArrayList<>()).add(c));
        b.append("# -- Candidates for new entities: ").append(fresh.size()).append(" (no entity of data/entities/ spells them) -----\n");
        b.append("# Describe the real ones in data/entities/ (the kind's file), add them to kg:mentions and to schema:about.\n");
        for (var e : fresh.entrySet()) {
            EntityCandidates.Candidate c0 = e.getValue().get(0);
            b.append("#   \"").append(e.getKey()).append("\" (").append(c0.hint().name().toLowerCase()).append(")  ")
                    .append(e.getValue().stream().map(c -> c.start() + "-" + c.end()).collect(Collectors.joining(", ")))
                    .append("   e.g. ").append(stub(c0)).append('\n');
        }
        b.append('\n');

        // -- claims
        b.append("# -- Candidate claims: ").append(a.claims().size()).append(" of ").append(a.sentences().size()).append(" sentences ----------------------------\n\n");
        Set<String> used = new LinkedHashSet<>();
        for (ClaimCandidates.Candidate c : a.claims()) claim(b, a, c, t, nnn, used, index);

        // -- the rest
        b.append("# -- Sentences not proposed (no number, date, ranking, target, speech or known entity) --\n");
        b.append("# If one states a claim after all, write it like those above (its evidence from `locate`).\n");
        Set<Span> proposed = a.claims().stream().map(ClaimCandidates.Candidate::sentence).collect(Collectors.toSet());
        for (Span s : a.sentences()) {
            if (!proposed.contains(s)) b.append("#   ").append(s.start()).append('-').append(s.end()).append("  ").append(comment(s.text(), 90)).append('\n');
        }
        return b.toString();
    }

    private static void claim(StringBuilder b, Ingest.Analysis a, ClaimCandidates.Candidate c, Target t, String nnn,
                              Set<String> used, EntityIndex index) {
        Span s = c.sentence();
        String base = nnn + "-" + nonEmpty(Ingest.slug(s.text(), 5), "claim");
        String slug = base;
        for (int i = 2; !used.add(slug); i++) slug = base + "-" + i;
        String iri = Iris.ID + "claim/" + slug;
        List<String> about = Ingest.distinct(a.mentions().stream().filter(m -> s.contains(m.start(), m.end())).toList());
        b.append("# sentence ").append(s.start()).append('-').append(s.end()).append("; found: ")
                .append(c.triggers().stream().map(x -> x.name().toLowerCase()).collect(Collectors.joining(", ")));
        if (!c.years().isEmpty()) b.append("; years: ").append(String.join(", ", c.years()))
                .append(" (a kg:referenceYear only if the quote fixes the claim's year)");
        b.append('\n');
        b.append("claim:").append(slug).append(" a kg:Claim ;\n").append(STATUS_LINE).append('\n');
        b.append("    rdfs:label ").append(lit(label(s.text()))).append("@en ;\n");
        b.append("    kg:claimKind kg:").append(c.kind()).append(" ;\n");
        b.append("    kg:statement ").append(lit(s.text())).append(" ;   # restate in one plain sentence\n");
        if (about.isEmpty()) b.append("    # schema:about: the text names no known entity here; name what the claim is about (SHACL requires one)\n");
        else b.append("    schema:about ").append(about.stream().map(DraftWriter::q).collect(Collectors.joining(" , "))).append(" ;\n");
        if (c.triggers().contains(ClaimCandidates.Trigger.SPEECH)) {
            List<String> people = about.stream().filter(i -> i.startsWith(Iris.ID + "person/")).toList();
            if (people.size() == 1) b.append("    prov:wasAttributedTo ").append(q(people.get(0))).append(" ;   # the speaker? check\n");
            else b.append("    # attributed speech: set prov:wasAttributedTo to the speaker, if the text names one\n");
        }
        b.append("    kg:statedIn ").append(q(t.sourceIri())).append(" ;\n");
        for (int i = 0; i < c.quantities().size(); i++) b.append("    kg:hasQuantity <").append(iri).append("#q").append(i + 1).append("> ;\n");
        b.append("    kg:hasEvidence <").append(iri).append("#evidence> .\n");
        for (int i = 0; i < c.quantities().size(); i++) {
            ClaimCandidates.Quantity qv = c.quantities().get(i);
            b.append("<").append(iri).append("#q").append(i + 1).append("> a schema:QuantitativeValue ; rdfs:label ")
                    .append(lit(qv.text())).append("@en ;\n    schema:value ").append(qv.value().toPlainString());
            if (qv.currency() != null) b.append(" ; schema:currency \"").append(qv.currency()).append('"');
            if (qv.unit() != null) b.append(" ; schema:unitText ").append(lit(qv.unit()));
            b.append(" ; kg:valueQualifier \"").append(qv.qualifier()).append("\" .\n");
        }
        int[] hits = a.text().source().occurrences(s.text());
        int nth = 1;
        for (int i = 0; i < hits.length; i++) if (hits[i] == s.start()) nth = i + 1;
        QuoteLocation at = QuoteLocation.locate(a.text().source(), s.text(), nth);
        if (at.start() != s.start()) throw new IllegalStateException("sentence at " + s.start() + " located at " + at.start());
        b.append("<").append(iri).append("#evidence> a oa:SpecificResource ; oa:hasSource ").append(q(t.sourceIri())).append(" ;\n");
        b.append("    oa:hasSelector <").append(iri).append("#quote> , <").append(iri).append("#position> .\n");
        b.append("<").append(iri).append("#quote> a oa:TextQuoteSelector ;\n    oa:exact ").append(lit(at.exact()))
                .append(" ;\n    oa:prefix ").append(lit(at.prefix())).append(" ;\n    oa:suffix ").append(lit(at.suffix())).append(" .\n");
        b.append("<").append(iri).append("#position> a oa:TextPositionSelector ; oa:start ").append(at.start())
                .append(" ; oa:end ").append(at.end()).append(" .\n\n");
    }

    /** Overlapping skipped stretches as one, for the listing. */
    static List<SkipRules.Skipped> merged(List<SkipRules.Skipped> all) {
        List<SkipRules.Skipped> out = new ArrayList<>();
        for (SkipRules.Skipped k : all) {
            if (!out.isEmpty() && k.from() <= out.get(out.size() - 1).to()) {
                SkipRules.Skipped last = out.remove(out.size() - 1);
                out.add(new SkipRules.Skipped(last.from(), Math.max(last.to(), k.to()), last.rule()));
            } else {
                out.add(k);
            }
        }
        return out;
    }

    static String stub(EntityCandidates.Candidate c) {
        String slug = nonEmpty(Ingest.slug(c.text(), 6), "x");
        String kind = switch (c.hint()) {
            case ORGANIZATION -> "organization:" + slug + " a kg:Company";
            case MODEL -> "model:" + slug + " a kg:AIModel";
            case NAME -> "organization:" + slug + " a …";
            case TITLE -> "report:" + slug + " a kg:Report (or policy:" + slug + " a kg:Policy)";
            case TERM -> "tech:" + slug + " a kg:Technology";
        };
        return kind + " ; rdfs:label " + lit(c.text()) + "@en .";
    }

    static String label(String sentence) {
        String s = sentence.replaceAll("\\s+", " ").strip();
        if (s.length() > 100) {
            int cut = s.lastIndexOf(' ', 97);
            s = s.substring(0, cut > 40 ? cut : 97) + "…";
        }
        return s.replaceAll("[.。]$", "");
    }

    static String datatype(String date) {
        if (date.matches("\\d{4}-\\d{2}-\\d{2}")) return "date";
        if (date.matches("\\d{4}-\\d{2}")) return "gYearMonth";
        if (date.matches("\\d{4}")) return "gYear";
        throw new IllegalArgumentException("a date is YYYY, YYYY-MM or YYYY-MM-DD, no more precise than the text: " + date);
    }

    /** A prefixed name where the IRI has one of our prefixes and a plain local part, else the IRI in angle brackets. */
    static String q(String iri) {
        for (var e : PREFIXES.entrySet()) {
            if (iri.startsWith(e.getValue())) {
                String local = iri.substring(e.getValue().length());
                if (local.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) return e.getKey() + ":" + local;
            }
        }
        return "<" + iri + ">";
    }

    static String lit(String s) {
        return NodeFmtLib.strTTL(NodeFactory.createLiteralString(s));
    }

    static String comment(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > max ? one.substring(0, max) + "…" : one;
    }

    private static String nonEmpty(String s, String otherwise) {
        return s.isEmpty() ? otherwise : s;
    }
}
