package org.chinaaikg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Synthetic data in the ontology's shape, reproducible from a seed: companies, models with their developers,
 * policies with issuers and requirements, source documents of several kinds, and claims about all of them, each
 * with a kind, a statement, an attribution, a source and evidence (an exact quote through a selector). About eleven
 * triples per claim; written as Turtle files of at most {@code PER_FILE} claims, one named graph each.
 */
public final class SyntheticData {
    static final String ID = "https://w3id.org/china-ai-kg/id/";
    static final int PER_FILE = 20_000;
    static final String PREFIXES = """
            @prefix kg:     <https://w3id.org/china-ai-kg/ontology#> .
            @prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix schema: <http://schema.org/> .
            @prefix prov:   <http://www.w3.org/ns/prov#> .
            @prefix oa:     <http://www.w3.org/ns/oa#> .
            @prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
            @prefix org:       <https://w3id.org/china-ai-kg/id/org/> .
            @prefix model:     <https://w3id.org/china-ai-kg/id/model/> .
            @prefix policy:    <https://w3id.org/china-ai-kg/id/policy/> .
            @prefix doc:       <https://w3id.org/china-ai-kg/id/doc/> .
            @prefix claim:     <https://w3id.org/china-ai-kg/id/claim/> .
            @prefix sourcekind: <https://w3id.org/china-ai-kg/id/sourcekind/> .
            @prefix claimkind: <https://w3id.org/china-ai-kg/id/claimkind/> .
            @prefix req:       <https://w3id.org/china-ai-kg/id/req/> .
            """;
    static final String[] SOURCE_KINDS = {"news", "government", "company", "research", "industry-report"};
    static final String[] CLAIM_KINDS = {"fact", "forecast", "opinion", "plan", "statistic", "ranking"};

    private SyntheticData() {}

    /** Writes about {@code triples} triples under {@code dataDir}; returns how many were written. */
    public static long write(Path dataDir, long triples, long seed) throws IOException {
        Random random = new Random(seed);
        long claims = Math.max(50, triples / 12);
        int companies = (int) Math.max(10, claims / 20);
        int models = companies * 2;
        int policies = (int) Math.max(5, claims / 200);
        int docs = (int) Math.max(5, claims / 50);
        Files.createDirectories(dataDir.resolve("entities"));
        Files.createDirectories(dataDir.resolve("statements"));
        long written = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dataDir.resolve("entities").resolve("entities.ttl")))) {
            w.print(PREFIXES);
            for (int i = 0; i < SOURCE_KINDS.length; i++) {
                w.printf("sourcekind:%s a kg:SourceKind ; rdfs:label \"%s\"@en .%n", SOURCE_KINDS[i], SOURCE_KINDS[i]);
                written += 2;
            }
            for (String k : CLAIM_KINDS) {
                w.printf("claimkind:%s a kg:ClaimKind ; rdfs:label \"%s\"@en .%n", k, k);
                written += 2;
            }
            for (int i = 0; i < companies; i++) {
                w.printf("org:c%d a kg:Company ; rdfs:label \"Company %d\"@en , \"公司%d\"@zh .%n", i, i, i);
                written += 3;
            }
            for (int i = 0; i < models; i++) {
                w.printf("model:m%d a kg:LargeLanguageModel ; rdfs:label \"Model %d\"@en ; kg:developedBy org:c%d ;"
                        + " kg:openSource %b ; kg:parameterCount %d .%n", i, i, random.nextInt(companies), random.nextBoolean(),
                        (1 + random.nextInt(500)) * 1_000_000_000L);
                written += 5;
            }
            for (int i = 0; i < policies; i++) {
                w.printf("policy:p%d a kg:Regulation ; rdfs:label \"Policy %d\"@en ; kg:issuedBy org:gov%d ;"
                        + " kg:requires req:r%d . org:gov%d a kg:GovernmentBody ; rdfs:label \"Ministry %d\"@en ."
                        + " req:r%d a kg:Requirement ; rdfs:label \"Requirement %d\"@en .%n",
                        i, i, i % 7, i, i % 7, i % 7, i, i);
                written += 10;
            }
            for (int i = 0; i < docs; i++) {
                w.printf("doc:d%d a kg:SourceDocument ; rdfs:label \"Source %d\"@en ; kg:sourceKind sourcekind:%s .%n",
                        i, i, SOURCE_KINDS[random.nextInt(SOURCE_KINDS.length)]);
                written += 3;
            }
        }
        PrintWriter w = null;
        try {
            for (long c = 0; c < claims; c++) {
                if (c % PER_FILE == 0) {
                    if (w != null) w.close();
                    w = new PrintWriter(Files.newBufferedWriter(dataDir.resolve("statements").resolve(String.format("%06d-claims.ttl", c / PER_FILE))));
                    w.print(PREFIXES);
                }
                String about = switch (random.nextInt(3)) {
                    case 0 -> "org:c" + random.nextInt(companies);
                    case 1 -> "model:m" + random.nextInt(models);
                    default -> "policy:p" + random.nextInt(policies);
                };
                int n = random.nextInt(1000);
                w.printf("claim:k%d a kg:Claim ; rdfs:label \"Claim %d\"@en ; schema:about %s ; kg:claimKind claimkind:%s ;"
                        + " kg:statement \"%s grew by %d percent\" ; prov:wasAttributedTo org:c%d ; kg:statedIn doc:d%d ;"
                        + " kg:hasEvidence [ a oa:Annotation ; oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact \"it grew by %d%%\" ] ] .%n",
                        c, c, about, CLAIM_KINDS[random.nextInt(CLAIM_KINDS.length)], about, n, random.nextInt(companies),
                        random.nextInt(docs), n);
                written += 12;
            }
        } finally {
            if (w != null) w.close();
        }
        return written;
    }
}
