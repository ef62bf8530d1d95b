package org.chinaaikg.web.html;

/** Copy-paste Python that runs a query against this server, as the Wikidata Query Service offers. */
public final class PythonSnippets {
    private PythonSnippets() {}

    public static String forSparql(String origin, String sparql) {
        return "# pip install sparqlwrapper pandas\n"
                + "from SPARQLWrapper import SPARQLWrapper, JSON\n"
                + "import pandas as pd\n\n"
                + "sparql = SPARQLWrapper(\"" + origin + "/kg/sparql\")\n"
                + "sparql.setQuery(\"\"\"\n" + sparql.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"").strip() + "\n\"\"\")\n"
                + "sparql.setReturnFormat(JSON)\n"
                + "rows = sparql.query().convert()[\"results\"][\"bindings\"]\n"
                + "df = pd.DataFrame([{k: v[\"value\"] for k, v in row.items()} for row in rows])\n"
                + "print(df)\n";
    }

    public static String forSavedQuery(String origin, SavedQueryCard query) {
        StringBuilder params = new StringBuilder();
        for (String p : query.parameters()) {
            params.append(params.length() == 0 ? "?" : "&").append(p).append("=...");
        }
        return "import pandas as pd\n\n"
                + "df = pd.read_csv(\"" + origin + "/queries/" + query.name() + ".csv" + params + "\")\n"
                + "print(df.head())\n";
    }
}
