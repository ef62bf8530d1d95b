package org.chinaaikg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chinaaikg.vocab.Iris;
import org.junit.jupiter.api.Test;

/** Chinese text: sentences after 。！？, names found without word boundaries, candidates and quantities, on a small fixture. */
class IngestChineseTest {
    static final Path ARTICLE = Path.of("src/test/resources/ingest/fictional-lanternfish-zh.txt");
    static final String HANGZHOU = Iris.ID + "place/hangzhou";

    @Test
    void chineseSentencesEndAfterTheirFullStopsWithCodePointOffsets() throws Exception {
        EntityIndex index = new EntityIndex(List.of(new EntityIndex.Label("杭州", HANGZHOU)), Map.of());
        Ingest.Analysis a = Ingest.analyse(ARTICLE, index, SkipRules.none());
        assertEquals(List.of("灯笼鱼机器人公司在杭州开设研究实验室。", "这是一篇为测试而写的虚构文章，其中的公司、人物和数字都是编造的！",
                "公司表示，实验室将有120名工程师。", "公司的目标是到2027年把员工人数翻一番？"), a.sentences().stream().map(Span::text).toList());
        for (Span s : a.sentences()) assertEquals(s.text(), a.text().source().slice(s.start(), s.end()));
        assertEquals(19, a.sentences().get(1).start());

        EntityIndex.Mention m = a.mentions().get(0);
        assertEquals(List.of("杭州", HANGZHOU, 9, 11), List.of(m.text(), m.iri(), m.start(), m.end()), "a Chinese name inside Han text");

        assertTrue(a.newEntities().stream().anyMatch(c -> c.text().equals("灯笼鱼机器人公司") && c.hint() == EntityCandidates.Hint.ORGANIZATION),
                a.newEntities().toString());

        ClaimCandidates.Candidate staff = a.claims().stream().filter(c -> c.sentence().text().contains("120")).findFirst().orElseThrow();
        assertEquals("Quotation", staff.kind(), "表示 is attributed speech");
        assertEquals(new BigDecimal(120), staff.quantities().get(0).value());
        assertEquals("名工程师", staff.quantities().get(0).unit());
        ClaimCandidates.Candidate target = a.claims().stream().filter(c -> c.sentence().text().contains("目标")).findFirst().orElseThrow();
        assertEquals("Target", target.kind());
        assertEquals(List.of("2027"), target.years());
    }

    @Test
    void yuanInChineseIsScaledOut() {
        var q = ClaimCandidates.quantities("市场规模约237.4亿元");
        assertEquals(new BigDecimal("23740000000"), q.get(0).value());
        assertEquals("CNY", q.get(0).currency());
        assertEquals("approximately", q.get(0).qualifier());
    }
}
