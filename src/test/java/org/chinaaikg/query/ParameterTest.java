package org.chinaaikg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;

/** grlc's parameter convention: the variable's name gives the parameter's name, type and whether it is required. */
class ParameterTest {
    static Node bind(String variable, String value) throws Exception {
        return Parameter.fromVariable(variable).toNode(value);
    }

    @Test
    void variableNameGivesParameterNameTypeAndRequired() {
        Parameter company = Parameter.fromVariable("_company_iri");
        assertEquals("company", company.name());
        assertEquals("iri", company.type());
        assertTrue(company.required());
        Parameter since = Parameter.fromVariable("__since_integer");
        assertEquals("since", since.name());
        assertFalse(since.required());
        assertEquals("string", Parameter.fromVariable("_name").type());
        assertNull(Parameter.fromVariable("company"));
    }

    @Test
    void valuesBecomeTypedTerms() throws Exception {
        assertEquals(XSDDatatype.XSDinteger, bind("_year_integer", "2024").getLiteralDatatype());
        assertEquals(XSDDatatype.XSDdate, bind("_day_date", "2024-05-01").getLiteralDatatype());
        assertEquals(XSDDatatype.XSDdecimal, bind("_share_decimal", "0.25").getLiteralDatatype());
        assertEquals(XSDDatatype.XSDgYear, bind("_year_xsd_gYear", "2024").getLiteralDatatype());
        assertEquals("zh", bind("_label_zh", "百度").getLiteralLanguage());
        assertEquals("Baidu", bind("_name", "Baidu").getLiteralLexicalForm());
        assertTrue(bind("_company_iri", "https://w3id.org/china-ai-kg/id/org/baidu").isURI());
    }

    @Test
    void illTypedValuesAreRefusedNamingTheParameter() {
        for (String[] c : new String[][] {{"_year_integer", "twenty"}, {"_day_date", "May 1st"}, {"_company_iri", "baidu"},
                {"_company_iri", "urn:x:baidu"}, {"_company_iri", "https://exa mple.org/"}, {"_ok_boolean", "maybe"}}) {
            Parameter.BadParameter e = assertThrows(Parameter.BadParameter.class, () -> bind(c[0], c[1]), c[1]);
            assertEquals(Parameter.fromVariable(c[0]).name(), e.parameter());
        }
    }

    @Test
    void unknownTypeIsAnErrorInTheQuery() {
        assertThrows(IllegalArgumentException.class, () -> Parameter.fromVariable("_company_uri"));
    }

    @Test
    void bindingChecksNamesAndLeavesOptionalParametersUnbound() throws Exception {
        SavedQuery q = SavedQuery.parse("q", "#+ summary: s\nSELECT * { ?s ?p ?_company_iri OPTIONAL { ?s ?q ?__year_integer } }", "q.rq");
        assertEquals(List.of("company", "year"), q.parameters().stream().map(Parameter::name).toList());
        var b = q.bind(Map.of("company", List.of("https://example.org/c")));
        assertTrue(b.contains(Var.alloc("_company_iri")));
        assertFalse(b.contains(Var.alloc("__year_integer")));
        assertEquals("colour", assertThrows(Parameter.BadParameter.class,
                () -> q.bind(Map.of("company", List.of("https://example.org/c"), "colour", List.of("red")))).parameter());
        assertEquals("company", assertThrows(Parameter.BadParameter.class, () -> q.bind(Map.of())).parameter());
    }
}
