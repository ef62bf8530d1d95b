package org.chinaaikg.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The Reconciliation Service API 0.2 JSON Schemas (src/test/resources/reconciliation-0.2, copied from the
 * specification's repository, see its README), loaded from the class path only: their {@code $id}s and the one
 * outside reference are mapped to local files, so validation never fetches anything.
 */
final class ReconciliationSchemas {
    static final String BASE = "https://reconciliation-api.github.io/specs/0.2/schemas/";
    /** The schemas declare {@code "$schema": "http://json-schema.org/schema#"} (the latest draft): read as draft 7. */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b
            .metaSchema(JsonMetaSchema.builder("http://json-schema.org/schema#", JsonMetaSchema.getV7()).build())
            .metaSchema(JsonMetaSchema.builder("http://json-schema.org/schema", JsonMetaSchema.getV7()).build())
            .schemaMappers(m -> m
                    .mapPrefix(BASE, "classpath:reconciliation-0.2/")
                    .mapPrefix("https://reconciliation-api.github.io/specs/draft/schemas/", "classpath:reconciliation-0.2/")
                    .mapPrefix("http://swagger.io/v2/schema.json", "classpath:reconciliation-stubs/swagger-v2-security.json")));
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReconciliationSchemas() {}

    static JsonSchema schema(String name) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + name + ".json"));
    }

    /** The problems of a JSON text against a schema of the specification ({@code manifest}, {@code reconciliation-result-batch}…). */
    static Set<ValidationMessage> problems(String schema, String json) {
        return schema(schema).validate(json, InputFormat.JSON);
    }

    /** Fails with every problem when the JSON text does not conform. */
    static void assertValid(String schema, String json) {
        Set<ValidationMessage> problems = problems(schema, json);
        assertTrue(problems.isEmpty(), schema + ": " + problems + "\n" + json);
    }

    static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }
}
