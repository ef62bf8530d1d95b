package org.chinaaikg.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.chinaaikg.query.Parameter.BadParameter;

/**
 * A saved query, {@code queries/NAME.rq}: the SPARQL text opening with grlc's decorator comments
 * ({@code #+ summary:}, {@code #+ description:}, {@code #+ tags:} with {@code #+   - tag} items), and the
 * parameters its {@code ?_name_type} variables declare.
 */
public record SavedQuery(String name, String summary, String description, List<String> tags,
                         List<Parameter> parameters, String text, Query query) {

    private static final Pattern DECORATOR = Pattern.compile("^#\\+\\s*([A-Za-z_]+)\\s*:\\s*(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^#\\+\\s+-\\s*(.+)$");
    private static final Pattern PARAM_VAR = Pattern.compile("[?$](_[A-Za-z0-9_]+)");

    /** Reads and parses a saved query; a syntax error names the file, line and column. */
    public static SavedQuery read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".rq") ? fileName.substring(0, fileName.length() - 3) : fileName;
        return parse(name, Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static SavedQuery parse(String name, String text, String where) {
        Map<String, String> decorators = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        String listKey = null;
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#+")) break;
            Matcher item = LIST_ITEM.matcher(line);
            Matcher deco = DECORATOR.matcher(line);
            if (item.matches() && "tags".equals(listKey)) {
                tags.add(item.group(1).trim());
            } else if (deco.matches()) {
                listKey = deco.group(1);
                decorators.put(listKey, deco.group(2).trim());
            }
        }
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (org.apache.jena.query.QueryParseException e) {
            // The parser's message names the offending token's position; its getLine() is the token before.
            String message = e.getMessage().lines().findFirst().orElse("");
            Matcher at = Pattern.compile("line (\\d+), column (\\d+)").matcher(message);
            String position = at.find() ? at.group(1) + ":" + at.group(2) : e.getLine() + ":" + e.getColumn();
            throw new IllegalArgumentException(where + ":" + position + ": " + message, e);
        }
        Map<String, Parameter> params = new LinkedHashMap<>();
        Matcher m = PARAM_VAR.matcher(query.serialize());
        while (m.find()) {
            Parameter p;
            try {
                p = Parameter.fromVariable(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (p != null) params.putIfAbsent(p.name(), p);
        }
        return new SavedQuery(name, decorators.getOrDefault("summary", ""), decorators.getOrDefault("description", ""),
                List.copyOf(tags), List.copyOf(params.values()), text, query);
    }

    /** Checks the values a user gave and binds them to the query's variables. */
    public Binding bind(Map<String, List<String>> values) throws BadParameter {
        for (String given : values.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(given))) {
                throw new BadParameter(given, "unknown; " + (parameters.isEmpty() ? "this query takes no parameters"
                        : "this query takes " + String.join(", ", parameters.stream().map(Parameter::name).toList())));
            }
        }
        BindingBuilder binding = BindingFactory.builder();
        for (Parameter p : parameters) {
            List<String> v = values.getOrDefault(p.name(), List.of());
            if (v.size() > 1) throw new BadParameter(p.name(), "given " + v.size() + " times; give it once");
            if (v.isEmpty() || v.get(0).isEmpty()) {
                if (p.required()) throw new BadParameter(p.name(), "missing; give " + p.describe());
                continue;
            }
            binding.add(p.variable(), p.toNode(v.get(0)));
        }
        return binding.build();
    }
}
