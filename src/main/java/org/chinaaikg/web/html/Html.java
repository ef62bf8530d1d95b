package org.chinaaikg.web.html;

/** The shared skeleton of our server-rendered pages: escaping, a small stylesheet, header and footer. */
public final class Html {
    private Html() {}

    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = """
            body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans SC",sans-serif;margin:0;color:#1d232a;background:#fff}
            header.site{background:#8b1a1a;color:#fff;padding:.6rem 1.5rem}header.site a{color:#fff;text-decoration:none;margin-right:1.2rem}
            main{max-width:62rem;margin:0 auto;padding:1rem 1.5rem 3rem}
            h1{margin:.6rem 0 .2rem;font-size:1.9rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;font-size:1.25rem}
            .iri{font-family:ui-monospace,monospace;font-size:.85rem;color:#555;word-break:break-all}
            .badge{display:inline-block;background:#f1e7e7;color:#8b1a1a;border-radius:.6rem;padding:0 .55rem;margin:0 .3rem .2rem 0;font-size:.85rem;text-decoration:none}
            .src{display:inline-block;background:#eef2f7;color:#234;border-radius:.5rem;padding:0 .45rem;font-size:.75rem;margin-left:.3rem;text-decoration:none}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #eee}
            th{color:#555;font-weight:600;width:14rem}
            blockquote{margin:.3rem 0 .2rem;padding:.3rem .8rem;border-left:4px solid #8b1a1a;background:#faf7f7}
            .ctx{color:#888}.claim{margin:1rem 0 1.4rem}.meta{color:#555;font-size:.9rem}
            .formats a{margin-right:.8rem}footer{color:#777;font-size:.85rem;margin-top:3rem}
            code,pre{font-family:ui-monospace,monospace;font-size:.85rem}pre{background:#f6f8fa;padding:.7rem;overflow-x:auto}
            """;

    /** Opens a page; close it with {@link #end()}. */
    public static String start(String title, String headExtra) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">"
                + "<title>" + esc(title) + " · China AI Knowledge Graph</title><style>" + STYLE + "</style>"
                + (headExtra == null ? "" : headExtra) + "</head><body>"
                + "<header class=\"site\"><a href=\"/\"><b>China AI Knowledge Graph</b></a>"
                + "<a href=\"/#queries\">Saved queries</a><a href=\"/#sparql\">SPARQL</a>"
                + "<a href=\"/ontology\">Ontology</a><a href=\"/.well-known/void\">VoID</a></header><main>";
    }

    public static String end() {
        return "<footer>Every fact links to the source that states it. Data: the sources listed on the "
                + "<a href=\"/\">home page</a>. SPARQL endpoint: <code>/kg/sparql</code>.</footer></main></body></html>\n";
    }
}
