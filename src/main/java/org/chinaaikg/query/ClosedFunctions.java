package org.chinaaikg.query;

import java.util.Iterator;

import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Function registries without ARQ's {@code <java:…>} URIs: with them, a query naming {@code <java:any.Class>} makes
 * the JVM load and initialise that class by name. Every registered function (the standard library, {@code afn:},
 * {@code apf:}) still works; an unregistered {@code java:} name is an unknown function.
 */
public final class ClosedFunctions {
    private static final String JAVA_SCHEME = "java:";

    private ClosedFunctions() {}

    /** Puts the closed registries in a context (a dataset's, so that every query on it uses them). */
    public static void install(Context context) {
        FunctionRegistry functions = new FunctionRegistry() {
            @Override
            public FunctionFactory get(String uri) {
                return uri.startsWith(JAVA_SCHEME) ? null : super.get(uri);
            }
        };
        FunctionRegistry standard = FunctionRegistry.get();
        for (Iterator<String> it = standard.keys(); it.hasNext(); ) {
            String uri = it.next();
            functions.put(uri, standard.get(uri));
        }
        FunctionRegistry.set(context, functions);

        PropertyFunctionRegistry properties = new PropertyFunctionRegistry() {
            @Override
            public PropertyFunctionFactory get(String uri) {
                return uri.startsWith(JAVA_SCHEME) ? null : super.get(uri);
            }

            @Override
            public boolean manages(String uri) {
                return !uri.startsWith(JAVA_SCHEME) && super.manages(uri);
            }
        };
        PropertyFunctionRegistry standardProperties = PropertyFunctionRegistry.get();
        for (Iterator<String> it = standardProperties.keys(); it.hasNext(); ) {
            String uri = it.next();
            properties.put(uri, standardProperties.get(uri));
        }
        PropertyFunctionRegistry.set(context, properties);
    }
}
