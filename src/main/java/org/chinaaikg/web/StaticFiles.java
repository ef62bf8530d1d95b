package org.chinaaikg.web;

import java.net.URL;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.MimeTypes;

import org.eclipse.jetty.ee10.servlet.ResourceServlet;

/**
 * The files the pages load, served from the classpath by Jetty's own {@link ResourceServlet} (content types,
 * ETags, ranges, {@code ..} and alias checks are Jetty's): our stylesheet and scripts ({@code /static/...} from
 * {@code src/main/resources/static}) and the WebJars ({@code /webjars/...} from {@code META-INF/resources/webjars}).
 */
public final class StaticFiles {
    private StaticFiles() {}

    /** {@code /static/*}: not versioned, so browsers revalidate (cheaply, by ETag). */
    public static HttpServlet site() {
        return servlet(directory("static/site.css"), "no-cache");
    }

    /** {@code /webjars/*}: every path names its version and never changes, so browsers keep it. */
    public static HttpServlet webjars() {
        return servlet(directory("META-INF/resources/webjars/zazuko__yasgui/4.5.0/package.json").replaceFirst("zazuko__yasgui/4\\.5\\.0/$", ""),
                "public, max-age=31536000, immutable");
    }

    private static HttpServlet servlet(String baseResource, String cacheControl) {
        Map<String, String> init = Map.of(
                "baseResource", baseResource,
                "pathInfoOnly", "true",   // the path below the servlet's mapping names the file
                "dirAllowed", "false",
                "welcomeServlets", "false",
                "redirectWelcome", "false",
                "etags", "true",
                "cacheControl", cacheControl);
        // FusekiServer.Builder mounts servlet instances, not holders: the init parameters come from here.
        return new ResourceServlet() {
            @Override
            public String getInitParameter(String name) {
                return init.get(name);
            }

            @Override
            public void init() throws ServletException {
                // Jetty names CSS and JavaScript without a charset; ours and the WebJars' are UTF-8.
                MimeTypes.Mutable types = ServletContextHandler.getServletContextHandler(getServletContext()).getMimeTypes();
                types.addMimeMapping("css", "text/css;charset=utf-8");
                types.addMimeMapping("js", "text/javascript;charset=utf-8");
                super.init();
            }
        };
    }

    /** The classpath directory that holds a file (a file: or jar: URI), found by that file. */
    private static String directory(String knownFile) {
        URL url = StaticFiles.class.getClassLoader().getResource(knownFile);
        if (url == null) throw new IllegalStateException("not on the classpath: " + knownFile);
        String s = url.toExternalForm();
        return s.substring(0, s.lastIndexOf('/') + 1);
    }
}
