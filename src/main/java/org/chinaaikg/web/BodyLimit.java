package org.chinaaikg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies over a limit with 413, before anything reads them into memory: by {@code Content-Length},
 * and for bodies of unknown length (chunked) by counting while reading at most {@code limit + 1} bytes. A SPARQL
 * query is text a person or a program wrote; 1 MB is far more than any real one. Ours rather than Jetty's
 * {@code SizeLimitHandler}: a chunked form body is decoded here while it is counted (in its charset, UTF-8 by
 * default), which a handler in front of the servlet context cannot do for Fuseki's form parsing.
 */
public final class BodyLimit implements Filter {
    public static final long DEFAULT_LIMIT = 1024 * 1024;

    private final long limit;

    public BodyLimit(long limit) {
        this.limit = limit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        long length = req.getContentLengthLong();
        if (length > limit) {
            refuse(resp);
            return;
        }
        if (length < 0 && req.getHeader("Transfer-Encoding") != null) {
            byte[] body = readAtMost(req.getInputStream(), limit + 1);
            if (body.length > limit) {
                refuse(resp);
                return;
            }
            chain.doFilter(new Buffered(req, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse resp) throws IOException {
        // Close the connection rather than read the rest of a body we refused.
        resp.setHeader("Connection", "close");
        resp.setStatus(413);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().println("Request body too large: the limit is " + limit + " bytes.");
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while (out.size() < max && (n = in.read(buf, 0, (int) Math.min(buf.length, max - out.size()))) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * The request with its (small, already read) body served from memory. A form's parameters are parsed here from
     * that body, since the container can no longer read its own stream.
     */
    private static final class Buffered extends BodyInMemory {
        private Map<String, String[]> parameters;

        Buffered(HttpServletRequest req, byte[] body) {
            super(req, body);
        }

        private boolean isForm() {
            String type = getContentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (!isForm()) return super.getParameterMap();
            if (parameters == null) {
                Map<String, List<String>> all = new LinkedHashMap<>();
                String query = getQueryString();
                // A form's bytes are in its declared charset, UTF-8 if none (raw UTF-8 was read as US-ASCII: 百度 became mojibake).
                java.nio.charset.Charset charset = StandardCharsets.UTF_8;
                try {
                    if (getCharacterEncoding() != null) charset = java.nio.charset.Charset.forName(getCharacterEncoding());
                } catch (IllegalArgumentException e) {
                    // An unknown charset: read it as UTF-8.
                }
                for (String text : new String[] {query == null ? "" : query, new String(body, charset)}) {
                    for (String pair : text.split("&")) {
                        if (pair.isEmpty()) continue;
                        int eq = pair.indexOf('=');
                        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
                        all.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                    }
                }
                Map<String, String[]> map = new LinkedHashMap<>();
                all.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(map);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] v = getParameterMap().get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }



        @Override public int getContentLength() { return body.length; }
        @Override public long getContentLengthLong() { return body.length; }
    }
}
