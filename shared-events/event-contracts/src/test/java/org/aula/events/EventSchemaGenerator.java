package org.aula.events;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

public class EventSchemaGenerator {
    public static void main(String[] args) {
        JsonMapper mapper = JsonMapper.builder().build();
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonSchemaModule())
                .with(Option.STANDARD_FORMATS);
        config.forFields().withNullableCheck(f -> !f.getType().isPrimitive() && f.getType().getErasedType() == Integer.class);
        config.forFields().withRequiredCheck(f -> f.getType().isPrimitive() || f.getType().getErasedType() != Integer.class);
        SchemaGenerator gen = new SchemaGenerator(config.build());
        for (EventCatalog e : EventCatalog.values()) {
            ObjectNode n = gen.generateSchema(e.payloadType());
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(n));
        }
    }
}
