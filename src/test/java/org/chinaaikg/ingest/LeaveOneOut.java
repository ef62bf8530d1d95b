package org.chinaaikg.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.chinaaikg.vocab.Prefixes;

/**
 * Leave one out: ingest each of the five sources with the entity labels of the other four only (the entities their
 * statement files mention), and compare the draft with the curated statement file of that source.
 */
final class LeaveOneOut {
    static final Path DATA = Path.of("data");

    /**
     * Where each file's advertisements and shortcodes are, as the corpus README and the texts show them: the ground
     * truth for "no candidate from an advertisement", written independently of the skip rules (literal texts here,
     * regular expressions there).
     */
    static final Map<String, List<String[]>> ADS = Map.of(
            "000", List.<String[]>of(new String[] {"**IEEE Security & Privacy** magazine", null}),
            "002", List.of(
                    new String[] {"Marketing to China it’s also an Agency", "Contact us Today"},
                    new String[] {"Cost-Effective Agency", "WeChat Store & PR."},
                    new String[] {"We are Cost effective digital marketing agency", "please contact us."},
                    new String[] {"Similar Posts", null}),
            "004", List.<String[]>of(new String[] {"What's the Best Crypto to Buy Now?", null}));
    static final Pattern SHORTCODE = Pattern.compile("\\[/?et_pb_[^\\]]*\\]");

    record Row(String source, int curatedClaims, int claimsInCandidates, int curatedMentions, int mentionsFound,
               int candidates, int candidatesKept, int fromAds, int entityCandidatesFromAds,
               int mentionsSpelt, int speltFound, int entityCandidates) {
        double claimRecall() { return ratio(claimsInCandidates, curatedClaims); }
        double mentionRecall() { return ratio(mentionsFound, curatedMentions); }
        double kept() { return ratio(candidatesKept, candidates); }
    }

    static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    /** The corpus: {@code kg.seeds}, else ../shared/seeds beside the project; null when absent. */
    static Path seeds() {
        String prop = System.getProperty("kg.seeds");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared", "seeds");
        return Files.isDirectory(p) ? p : null;
    }

    static List<Row> run(Path seeds) throws IOException {
        Model documents = RDFDataMgr.loadModel(DATA.resolve("documents.ttl").toString());
        EntityIndex full = EntityIndex.fromEntities(DATA.resolve("entities"));
        Map<String, Model> statements = new LinkedHashMap<>();
        try (var list = Files.list(DATA.resolve("statements"))) {
            for (Path p : list.filter(f -> f.toString().endsWith(".ttl")).sorted().toList()) {
                statements.put(p.getFileName().toString().substring(0, 3), RDFDataMgr.loadModel(p.toString()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (var e : statements.entrySet()) {
            String nnn = e.getKey();
            Model curated = e.getValue();
            String src = one(curated, "SELECT DISTINCT ?src WHERE { ?c kg:statedIn ?src }", "src");
            String fileName = one(documents, "SELECT ?f WHERE { <" + src + "> kg:fileName ?f }", "f");
            Set<String> others = new HashSet<>();
            statements.forEach((k, m) -> { if (!k.equals(nnn)) others.addAll(column(m, "SELECT ?e WHERE { ?s kg:mentions ?e }", "e")); });
            EntityIndex index = full.restrictedTo(others::contains);
            Path skip = DATA.resolve("ingest-skip").resolve(nnn + ".skip");
            SkipRules rules = Files.exists(skip) ? SkipRules.read(List.of(skip)) : SkipRules.none();
            Ingest.Analysis a = Ingest.analyse(seeds.resolve(fileName), index, rules);

            List<int[]> quotes = new ArrayList<>();
            QueryExecutionFactory.create(Prefixes.sparql() + "SELECT ?s ?e WHERE { ?c a kg:Claim ; kg:hasEvidence/oa:hasSelector ?p . ?p oa:start ?s ; oa:end ?e }", curated)
                    .execSelect().forEachRemaining(q -> quotes.add(new int[] {q.getLiteral("s").getInt(), q.getLiteral("e").getInt()}));
            int inside = (int) quotes.stream().filter(q -> a.claims().stream().anyMatch(c -> c.sentence().contains(q[0], q[1]))).count();
            int kept = (int) a.claims().stream().filter(c -> quotes.stream().anyMatch(q -> c.sentence().overlaps(q[0], q[1]))).count();

            // The entities the curated file says the source names; memberships (relations, with no label) are no names.
            Set<String> curatedMentions = new HashSet<>(column(curated, "SELECT ?e WHERE { ?s kg:mentions ?e }", "e"));
            curatedMentions.removeIf(iri -> full.spellings(iri).isEmpty());
            Set<String> found = new HashSet<>();
            a.mentions().forEach(m -> found.add(m.iri()));
            Set<String> freshTexts = new HashSet<>();
            a.newEntities().forEach(c -> freshTexts.add(EntityIndex.lower(c.text())));
            int mentionsFound = (int) curatedMentions.stream().filter(iri -> found.contains(iri)
                    || full.spellings(iri).stream().anyMatch(sp -> freshTexts.contains(EntityIndex.lower(sp)))).count();

            // Spelt in the text: one of the entity's labels written there (any case, word-bounded); else the curators
            // named it by a description of their own ("CAC licensing system for generative AI models").
            String lowerText = EntityIndex.lower(a.text().string());
            Set<String> spelt = new HashSet<>();
            for (String iri : curatedMentions) {
                if (full.spellings(iri).stream().anyMatch(sp -> spelt(lowerText, EntityIndex.lower(sp)))) spelt.add(iri);
            }
            int speltFound = (int) spelt.stream().filter(iri -> found.contains(iri)
                    || full.spellings(iri).stream().anyMatch(sp -> freshTexts.contains(EntityIndex.lower(sp)))).count();

            List<int[]> ads = adRegions(nnn, a.text());
            int fromAds = (int) a.claims().stream().filter(c -> ads.stream().anyMatch(r -> c.sentence().overlaps(r[0], r[1]))).count();
            int freshFromAds = (int) a.newEntities().stream().filter(c -> ads.stream().anyMatch(r -> c.start() < r[1] && r[0] < c.end())).count()
                    + (int) a.mentions().stream().filter(c -> ads.stream().anyMatch(r -> c.start() < r[1] && r[0] < c.end())).count();
            rows.add(new Row(nnn, quotes.size(), inside, curatedMentions.size(), mentionsFound, a.claims().size(), kept, fromAds, freshFromAds,
                    spelt.size(), speltFound, a.newEntities().size()));
        }
        return rows;
    }

    static boolean spelt(String lowerText, String lowerLabel) {
        int at = 0;
        while (!lowerLabel.isEmpty() && (at = lowerText.indexOf(lowerLabel, at)) >= 0) {
            if (EntityIndex.bounded(lowerText, at, at + lowerLabel.length())) return true;
            at++;
        }
        return false;
    }

    /** Code-point ranges of the advertisements and shortcodes of source NNN. */
    static List<int[]> adRegions(String nnn, Text text) {
        String s = text.string();
        List<int[]> out = new ArrayList<>();
        for (String[] ad : ADS.getOrDefault(nnn, List.of())) {
            int from = 0;
            while ((from = s.indexOf(ad[0], from)) >= 0) {
                int to = ad[1] == null ? s.length() : s.indexOf(ad[1], from) + ad[1].length();
                out.add(new int[] {text.cp(from), text.cp(to)});
                from = to;
            }
        }
        Matcher m = SHORTCODE.matcher(s);
        while (m.find()) out.add(new int[] {text.cp(m.start()), text.cp(m.end())});
        return out;
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| source | curated claims | quote inside a candidate | curated mentions | found | spelt in the text | found of those spelt"
                + " | new-entity candidates | candidates | kept by curators | candidates from ads/shortcodes |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        int c = 0, ci = 0, m = 0, mf = 0, k = 0, kk = 0, ads = 0, sp = 0, sf = 0, ne = 0;
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d (%.2f) | %d | %d (%.2f) | %d | %d (%.2f) | %d | %d | %d (%.2f) | %d |%n", r.source(),
                    r.curatedClaims(), r.claimsInCandidates(), r.claimRecall(), r.curatedMentions(), r.mentionsFound(), r.mentionRecall(),
                    r.mentionsSpelt(), r.speltFound(), ratio(r.speltFound(), r.mentionsSpelt()), r.entityCandidates(),
                    r.candidates(), r.candidatesKept(), r.kept(), r.fromAds() + r.entityCandidatesFromAds()));
            c += r.curatedClaims(); ci += r.claimsInCandidates(); m += r.curatedMentions(); mf += r.mentionsFound();
            k += r.candidates(); kk += r.candidatesKept(); ads += r.fromAds() + r.entityCandidatesFromAds();
            sp += r.mentionsSpelt(); sf += r.speltFound(); ne += r.entityCandidates();
        }
        b.append(String.format(Locale.ROOT, "| **all** | %d | %d (**%.2f**) | %d | %d (**%.2f**) | %d | %d (**%.2f**) | %d | %d | %d (**%.2f**) | **%d** |%n",
                c, ci, ratio(ci, c), m, mf, ratio(mf, m), sp, sf, ratio(sf, sp), ne, k, kk, ratio(kk, k), ads));
        return b.toString();
    }

    private static String one(Model m, String select, String var) {
        List<String> v = column(m, select, var);
        if (v.size() != 1) throw new IllegalStateException("expected one " + var + ", got " + v);
        return v.get(0);
    }

    private static List<String> column(Model m, String select, String var) {
        List<String> out = new ArrayList<>();
        QueryExecutionFactory.create(Prefixes.sparql() + select, m).execSelect().forEachRemaining(q -> {
            var n = q.get(var);
            out.add(n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI());
        });
        return out;
    }
}
