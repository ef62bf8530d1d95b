package org.chinaaikg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Library versions, from the Maven metadata the jars carry (the shaded jar merges Jena's own version files). */
final class Versions {
    private Versions() {}

    static String of(String groupId, String artifactId) {
        try (InputStream in = Versions.class.getResourceAsStream("/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String jena() {
        return of("org.apache.jena", "jena-core");
    }
}
