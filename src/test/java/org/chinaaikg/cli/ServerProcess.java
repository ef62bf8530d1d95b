package org.chinaaikg.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chinaaikg.Fixtures;

/** {@code serve} (or another command) in a JVM of its own, as a user starts it in another terminal. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready at (http://\\S+/)");

    final Process process;
    final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> url = new CompletableFuture<>();

    private ServerProcess(List<String> args) throws Exception {
        this(args, null, java.util.Map.of());
    }

    private ServerProcess(List<String> args, Path workingDir, java.util.Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m",
                // The test classpath logs errors only; the child must log its "ready at" line as the jar does.
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp", classpath(), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDir != null) builder.directory(workingDir.toFile());
        builder.environment().putAll(env);
        process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    Matcher m = READY.matcher(line);
                    if (m.find()) url.complete(m.group(1));
                }
            } catch (Exception e) {
                // the process ended
            }
            url.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Serves the project on a free port and waits until it answers; the URL it logs, e.g. http://localhost:41234/. */
    static ServerProcess serve(Fixtures.Project p, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--queries", p.queries().toString()));
        args.addAll(p.inputOptions());
        args.addAll(List.of(more));
        return serve(args, null, java.util.Map.of());
    }

    /** {@code serve} with these arguments, working directory and environment; waits until it answers. */
    static ServerProcess serve(List<String> args, Path workingDir, java.util.Map<String, String> env) throws Exception {
        ServerProcess s = new ServerProcess(args, workingDir, env);
        if (s.url() == null) {
            s.close();
            throw new AssertionError("serve did not start: " + String.join("\n", s.output));
        }
        return s;
    }

    /** Any command, run to its end in a JVM of its own. */
    static ServerProcess run(String... args) throws Exception {
        return run(null, java.util.Map.of(), args);
    }

    /** Any command, run to its end in a JVM of its own, in a working directory and with environment variables. */
    static ServerProcess run(Path workingDir, java.util.Map<String, String> env, String... args) throws Exception {
        return await(new ServerProcess(List.of(args), workingDir, env));
    }

    private static ServerProcess await(ServerProcess s) throws Exception {
        if (!s.process.waitFor(120, TimeUnit.SECONDS)) {
            s.close();
            throw new AssertionError("still running after 120 s: " + String.join("\n", s.output));
        }
        s.url.get(10, TimeUnit.SECONDS); // the output has been read to its end
        return s;
    }

    String url() throws Exception {
        return url.get(120, TimeUnit.SECONDS);
    }

    int exitCode() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    String text() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Kills the process as {@code kill -9} does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path: Surefire passes it in a property, its own JVM sees only a launcher jar. */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
