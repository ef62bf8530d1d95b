package org.chinaaikg.web.html;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The templates of {@code src/main/jte}, compiled into the jar by jte-maven-plugin at build time: nothing is
 * compiled while serving, and every {@code ${...}} is escaped for HTML where it stands.
 */
final class Templates {
    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader());

    private Templates() {}

    /** Renders a template whose one parameter is {@code page}, the page's model. */
    static String render(String template, Object page) {
        StringOutput out = new StringOutput(16 * 1024);
        ENGINE.render(template, Map.of("page", page), out);
        return out.toString();
    }

    /** Renders a template with named parameters (a picture's {@code chart} and {@code id}). */
    static String renderWith(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(4 * 1024);
        ENGINE.render(template, params, out);
        return out.toString();
    }
}
