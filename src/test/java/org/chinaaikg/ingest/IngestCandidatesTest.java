package org.chinaaikg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chinaaikg.vocab.Iris;
import org.chinaaikg.vocab.KG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules for new-entity candidates, one by one, on a short article written for this test (every name in it is
 * invented): each assertion names the rule it holds.
 */
class IngestCandidatesTest {
    static final String ARTICLE = """
            Harbour Light Daily
            Mira Okonkwo-Lind

            The ministry said the plan follows the “Made in Harbour 2030” blueprint. “We will grow,” said Coralyn.
            Shenzhen-based Quillfin Robotics met investors in Hangzhou. Investors compared the plan with Coralyn’s.
            The guide Reading the Tides: Notes on the Deep Harbour by Ada Fenwick is popular.
            The Harbour Development Report 2031 was published in May.
            At the 21st National Congress of the Harbour Union, delegates voted.
            Engineers from the Quillfin AI research institute spoke.
            The government of Nauru signed a deal with 330 Signal Technology. Nauru's Yaren District hosts the office.
            Startups sell e-commerce tools over 6G links.
            Traders use Kelp Now every day. The insurer Tang An pays claims.
            Clouds sell Model as a Service to banks. Can Harbour Find a Balance now?
            4. Brightgill — Builds chips for drones.
            <b>Harbour Startups</b> Quillfin   Coralyn
            Call centres use speech recognition for calls.
            """;
    static final String FACIAL = Iris.ID + "tech/facial-recognition";

    static List<EntityCandidates.Candidate> candidates;
    static List<String> texts;

    @BeforeAll
    static void analyse(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("harbour.txt");
        Files.writeString(f, ARTICLE);
        EntityIndex index = new EntityIndex(List.of(new EntityIndex.Label("facial recognition", FACIAL),
                new EntityIndex.Label("Hangzhou", Iris.ID + "place/hangzhou")), Map.of(FACIAL, List.of(KG.Technology.getURI())));
        Ingest.Analysis a = Ingest.analyse(f, index, SkipRules.none());
        candidates = a.newEntities();
        texts = candidates.stream().map(EntityCandidates.Candidate::text).toList();
        // Every candidate's text is the text at its offsets.
        for (EntityCandidates.Candidate c : candidates) assertEquals(c.text(), a.text().source().slice(c.start(), c.end()));
    }

    static void has(String text, EntityCandidates.Hint hint) {
        assertTrue(candidates.stream().anyMatch(c -> c.text().equals(text) && c.hint() == hint), text + "/" + hint + " in " + candidates);
    }

    @Test
    void aTitleInQuotationMarksIsATitleAndSpeechIsNot() {
        has("Made in Harbour 2030", EntityCandidates.Hint.TITLE);
        assertFalse(texts.contains("We will grow"), "speech with a pronoun of the first person is no title: " + texts);
    }

    @Test
    void aTitleBeforeItsAuthorAndADocumentWithItsYear() {
        has("Reading the Tides: Notes on the Deep Harbour", EntityCandidates.Hint.TITLE);
        has("Harbour Development Report 2031", EntityCandidates.Hint.TITLE);
    }

    @Test
    void anAdjectiveOfAPlaceAndAPossessiveAreNoPartOfTheName() {
        has("Quillfin Robotics", EntityCandidates.Hint.NAME);
        assertFalse(texts.stream().anyMatch(t -> t.contains("Shenzhen-based")), texts.toString());
        has("Coralyn", EntityCandidates.Hint.NAME);                        // "with Coralyn’s."
        has("Yaren District", EntityCandidates.Hint.NAME);                 // "Nauru's Yaren District": Nauru stands alone elsewhere
    }

    @Test
    void anOrdinalLeadsAndOfTheJoinsAfterAnInstitution() {
        has("21st National Congress of the Harbour Union", EntityCandidates.Hint.NAME);
    }

    @Test
    void institutesGovernmentsAndNumberedCompanies() {
        has("Quillfin AI research institute", EntityCandidates.Hint.ORGANIZATION);
        has("government of Nauru", EntityCandidates.Hint.ORGANIZATION);
        has("Nauru", EntityCandidates.Hint.NAME);                          // the country inside it is a candidate too
        has("330 Signal Technology", EntityCandidates.Hint.ORGANIZATION);
    }

    @Test
    void eWordsAndGenerationsAndTermsWithTheLastWordOfAKnownTechnology() {
        has("e-commerce", EntityCandidates.Hint.TERM);
        has("6G", EntityCandidates.Hint.MODEL);
        has("speech recognition", EntityCandidates.Hint.TERM);             // the graph knows "facial recognition"
    }

    @Test
    void capitalisedFunctionWordsInsideASentenceBelongToTheName() {
        has("Kelp Now", EntityCandidates.Hint.NAME);
        has("Tang An", EntityCandidates.Hint.NAME);
        has("Model as a Service", EntityCandidates.Hint.NAME);
        assertFalse(texts.stream().anyMatch(t -> t.contains("Find a Balance")), "only \"as a\" joins over an article: " + texts);
    }

    @Test
    void listHeadsBoldHeadingsAndNoRunAcrossTableCells() {
        has("Brightgill", EntityCandidates.Hint.NAME);
        has("Harbour Startups", EntityCandidates.Hint.NAME);
        assertFalse(texts.stream().anyMatch(t -> t.contains("Quillfin   Coralyn")), texts.toString());
        has("Mira Okonkwo-Lind", EntityCandidates.Hint.NAME);              // the byline, a heading of two words
    }
}
