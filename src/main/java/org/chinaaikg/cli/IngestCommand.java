package org.chinaaikg.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.chinaaikg.ingest.DraftWriter;
import org.chinaaikg.ingest.EntityIndex;
import org.chinaaikg.ingest.Ingest;
import org.chinaaikg.ingest.SkipRules;
import org.chinaaikg.project.Inputs;
import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ingest}: registers a source document and writes a draft statement file for the curator. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Register a source text file and write a DRAFT data/statements/NNN-slug.ttl for a curator to edit:",
                "the document (SHA-256, file name, the metadata given here), the entities the graph knows that the text",
                "names, candidates for new entities, and candidate claims with typed quantities and computed evidence.",
                "Everything is marked kg:curationStatus kg:Draft: validate reports the draft and load and serve refuse it",
                "until the curator accepts (deletes the kg:curationStatus lines) or deletes each claim. Offline: no service",
                "and no model but the English sentence model in the jar."})
public final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The source text file (UTF-8), as it will be kept in the corpus.")
    Path file;

    @Option(names = "--title", paramLabel = "TEXT", description = "The document's title, as the text gives it.")
    String title;

    @Option(names = "--publisher", paramLabel = "NAME|IRI",
            description = "The publisher: a label of an entity in data/entities/, or its IRI (organization:… or https://…).")
    String publisher;

    @Option(names = "--date", paramLabel = "YYYY[-MM[-DD]]",
            description = "The publication date the text states (dcterms:issued); no more precise than the text. Without it the date stays unsaid.")
    String date;

    @Option(names = "--date-inferred", paramLabel = "REASON",
            description = "The --date is not stated but implied: written as kg:inferredDate with this kg:dateInferenceReason (the words that imply it).")
    String dateInferred;

    @Option(names = "--kind", paramLabel = "KIND", description = "kg:sourceKind, e.g. NewsSite, NewsMedia, PersonalBlog, MarketingBlog, ProfessionalMagazine.")
    String kind;

    @Option(names = "--language", paramLabel = "TAG", description = "dcterms:language of the text, e.g. en or zh.")
    String language;

    @Option(names = "--skip", paramLabel = "RULES",
            description = "A rule file of what is not the article (ads, shortcodes, navigation); may be repeated. Format: see data/README.md (span:, line:, block:, from:, until:).")
    List<Path> skip = new ArrayList<>();

    @Option(names = "--number", paramLabel = "NNN", description = "The source's number (default: one more than the highest in data/statements).")
    Integer number;

    @Option(names = "--slug", paramLabel = "SLUG", description = "The document's slug: src:SLUG and NNN-SLUG.ttl (default: from the title, else the file name).")
    String slug;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--ontology", defaultValue = "ontology", paramLabel = "DIR", description = "Ontology folder (default: ${DEFAULT-VALUE}).")
    Path ontology;

    @Option(names = "--force", description = "Overwrite a draft file of the same name.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            err.println("ingest: " + file + ": no such file");
            return 2;
        }
        if (dateInferred != null && date == null) {
            err.println("ingest: --date-inferred needs the --date it explains");
            return 2;
        }
        if (date != null && !date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            err.println("ingest: --date is YYYY, YYYY-MM or YYYY-MM-DD, not " + date);
            return 2;
        }
        if (kind != null) {
            String k = kind.replaceFirst("^kg:", "");
            Set<String> kinds = sourceKinds();
            if (!kinds.contains(k)) {
                err.println("ingest: --kind " + kind + " is no kg:SourceKind of the ontology; one of " + String.join(", ", kinds));
                return 2;
            }
            kind = k;
        }
        SkipRules rules;
        try {
            rules = SkipRules.read(skip);
        } catch (IllegalArgumentException e) {
            err.println("ingest: " + e.getMessage());
            return 2;
        }
        EntityIndex index = EntityIndex.fromEntities(data.resolve("entities"));
        String publisherIri = null;
        if (publisher != null) {
            publisherIri = resolve(publisher, index);
            if (publisherIri == null) err.println("ingest: note: publisher \"" + publisher + "\" is no entity of " + data.resolve("entities") + "; the draft says what to add");
        }
        Path statements = data.resolve("statements");
        int nnn = number != null ? number : Ingest.nextNumber(statements);
        String fileStem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String s = slug != null ? slug : title != null && !Ingest.slug(title, 6).isEmpty() ? Ingest.slug(title, 6) : Ingest.slug(fileStem, 6);
        if (s.isEmpty()) s = "source-" + String.format("%03d", nnn);
        if (!s.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            err.println("ingest: --slug is lower-case ASCII words joined by hyphens, not " + s);
            return 2;
        }
        DraftWriter.Target target = new DraftWriter.Target(nnn, s, s, skip.stream().map(Path::toString).toList());
        Path draft = statements.resolve(target.fileName());
        if (Files.exists(draft) && !force) {
            err.println("ingest: " + draft + " exists; delete it or pass --force");
            return 1;
        }
        Ingest.Analysis a = Ingest.analyse(file, index, rules);
        String turtle = DraftWriter.write(a, new Ingest.Document(title, publisher, date, dateInferred, kind, language), target, index, publisherIri);
        Files.createDirectories(statements);
        Files.writeString(draft, turtle, StandardCharsets.UTF_8);
        out.printf("ingest: wrote the DRAFT %s: %d sentences (%d left-out stretches), %d mentions of %d known entities, %d candidate entities, %d candidate claims%n",
                draft, a.sentences().size(), a.skipped().size(), a.mentions().size(), a.mentions().stream().map(m -> m.iri()).distinct().count(),
                a.newEntities().stream().map(c -> c.text()).distinct().count(), a.claims().size());
        out.println("ingest: document <" + target.sourceIri() + ">, sha256 " + a.text().source().sha256());
        out.println("ingest: next: edit the draft, accept each claim by deleting its kg:curationStatus line (or delete the claim),");
        out.println("        put " + file.getFileName() + " in the corpus, run validate and verify-provenance, and add the file to Protégé's list:");
        String g = target.graph();
        String id = Iris.graphName(g).replace('/', '-');
        out.println("        data/catalog-v001.xml:  <uri id=\"" + id + "\" name=\"" + g + "\" uri=\"statements/" + target.fileName() + "\"/>");
        out.println("        data/china-ai-kg-all.owl: <owl:imports rdf:resource=\"" + g + "\"/>");
        out.flush();
        return 0;
    }

    private Set<String> sourceKinds() {
        Model m = ModelFactory.createDefaultModel();
        for (Inputs.InputFile f : new Inputs(data, ontology).ontologyFiles()) RDFDataMgr.read(m, f.path().toString());
        Set<String> kinds = new TreeSet<>();
        m.listSubjectsWithProperty(RDF.type, KG.SourceKind).forEach(r -> {
            if (r.isURIResource() && r.getURI().startsWith(KG.NS)) kinds.add(r.getURI().substring(KG.NS.length()));
        });
        return kinds;
    }

    /** An IRI as given (org:x, https://…), or the entity one of whose labels the name is (any case). */
    static String resolve(String publisher, EntityIndex index) {
        if (publisher.startsWith("http://") || publisher.startsWith("https://")) return publisher;
        if (publisher.matches("[a-z]+:[a-z0-9-]+")) {
            String[] p = publisher.split(":", 2);
            return Iris.ID + p[0] + "/" + p[1];
        }
        String want = publisher.strip().toLowerCase(Locale.ROOT);
        return index.labels().stream().filter(l -> l.text().toLowerCase(Locale.ROOT).equals(want)).map(EntityIndex.Label::iri).findFirst().orElse(null);
    }
}
