package org.chinaaikg.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/** What every servlet of ours needs from a request. */
public final class Http {
    /** A host name or IP literal with an optional port: nothing that could carry markup or a second URL. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*|\\[[0-9A-Fa-f:.]{2,45}])(:\\d{1,5})?");

    private Http() {}

    /**
     * Absolute URL of a path on the server that answered this request, as its client named it (the {@code Host}
     * header, so that links work behind a proxy), or as the server is bound when the header is not a host name. An
     * answer that embeds it must say {@code Vary: Host}.
     */
    public static String absolute(HttpServletRequest req, String path) {
        String host = req.getHeader("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            String local = req.getLocalAddr();
            host = (local.contains(":") && !local.startsWith("[") ? "[" + local + "]" : local) + ":" + req.getLocalPort();
        }
        return req.getScheme() + "://" + host + req.getContextPath() + path;
    }
}
