package org.chinaaikg.web.html;

import org.apache.jena.atlas.json.JsonValue;

/**
 * JSON for a {@code <script type="application/json">} block, written by Jena's JSON library. Outside strings JSON
 * has no {@code <}, {@code >} or {@code &}, so escaping every one of them as a {@code \}{@code u} escape keeps the
 * same value and leaves no way to close the script element.
 */
public final class ScriptJson {
    private ScriptJson() {}

    public static String of(JsonValue value) {
        return value.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
