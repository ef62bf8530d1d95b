package org.chinaaikg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.chinaaikg.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curator's workflow of data/README.md, end to end on a copy of the project with the worked example (a fictional
 * article written for this test): ingest writes a draft; validate reports it; load refuses it with one line naming the
 * file; the curator rejects the claims that are about nothing known and accepts the rest by deleting the
 * kg:curationStatus lines; then validate, verify-provenance and load accept the file.
 */
@Tag("slow")
class IngestWorkflowTest {
    @TempDir
    Path dir;

    @Test
    void ingestValidateRefuseAcceptLoad() throws Exception {
        Fixtures.Project p = copyProject(dir.resolve("project"));
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Path article = Files.copy(IngestEnglishTest.ARTICLE, sources.resolve("900_fictional-lanternfish.txt"));

        Fixtures.Run ingest = Fixtures.run("ingest", article.toString(), "--data", p.data().toString(), "--ontology", p.ontology().toString(),
                "--title", "Lanternfish Robotics opens a research lab in Hangzhou (fiction written for the tests)",
                "--kind", "NewsSite", "--date", "2025", "--date-inferred", "Fiction: the article says it was founded in 2021 and plans for 2027; the tests fix its year.",
                "--skip", IngestEnglishTest.RULES.toString(), "--number", "900", "--slug", "fictional-lanternfish");
        assertEquals(0, ingest.exitCode(), ingest.err());
        Path draft = p.data().resolve("statements/900-fictional-lanternfish.ttl");
        String turtle = Files.readString(draft);
        assertTrue(turtle.contains("kg:curationStatus kg:Draft"));
        assertTrue(!turtle.contains("FastCloud") || turtle.lines().filter(l -> l.contains("FastCloud")).allMatch(l -> l.startsWith("#")),
                "the advertisement is at most listed as left out");

        Fixtures.Run validate = Fixtures.run("validate", "--data", p.data().toString(), "--ontology", p.ontology().toString());
        assertTrue(validate.out().contains("DRAFT data/statements/900-fictional-lanternfish.ttl: "), validate.out());

        Fixtures.Run refused = p.run("load");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().lines().anyMatch(l -> l.startsWith("data/statements/900-fictional-lanternfish.ttl is a draft (")
                && l.contains("deleting its kg:curationStatus line, or delete the claim")), refused.err());

        // The curator: reject the claims about no known entity (delete their blocks), accept the rest.
        List<String> kept = new ArrayList<>();
        for (String block : turtle.split("\n\n")) {
            if (block.contains(" a kg:Claim ;") && block.contains("# schema:about:")) continue;
            kept.add(block);
        }
        String accepted = String.join("\n\n", kept).lines().filter(l -> !l.contains("kg:curationStatus")).reduce("", (a, l) -> a + l + "\n");
        Files.writeString(draft, accepted);
        assertTrue(accepted.contains(" a kg:Claim ;"), "some claims are kept");

        Fixtures.Run valid = Fixtures.run("validate", "--data", p.data().toString(), "--ontology", p.ontology().toString());
        assertEquals(0, valid.exitCode(), valid.err());
        assertTrue(!valid.out().contains("DRAFT"), valid.out());
        Path only = Files.createDirectories(dir.resolve("only-new/statements"));
        Files.copy(draft, only.resolve(draft.getFileName()));
        assertEquals(0, Fixtures.run("verify-provenance", "--sources", sources.toString(), "--data", only.getParent().toString()).exitCode());
        Fixtures.Run load = p.run("load");
        assertEquals(0, load.exitCode(), load.err());
    }

    static Fixtures.Project copyProject(Path to) {
        for (String folder : List.of("data", "ontology")) {
            Path from = Path.of(folder);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path f : walk.toList()) {
                    Path t = to.resolve(folder).resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(t); else Files.copy(f, t);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Fixtures.Project(to);
    }
}
