package org.chinaaikg.web;

import jakarta.servlet.http.HttpServletRequest;

/** What every servlet of ours needs from a request. */
public final class Http {
    private Http() {}

    /** Absolute URL of a path on the server that answered this request. */
    public static String absolute(HttpServletRequest req, String path) {
        String host = req.getHeader("Host");
        if (host == null || host.isBlank()) host = req.getServerName() + ":" + req.getServerPort();
        return req.getScheme() + "://" + host + req.getContextPath() + path;
    }
}
