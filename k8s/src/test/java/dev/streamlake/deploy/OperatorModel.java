package dev.streamlake.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * Reads a FlinkDeployment into the operator's own Java model (flink-kubernetes-operator-api), the
 * classes the operator's CRD is generated from, refusing any field the model does not declare.
 *
 * <p>FAIL_ON_UNKNOWN_PROPERTIES alone would not do: the operator's spec classes are annotated to
 * ignore unknown fields, and fabric8's Kubernetes classes (pod template, metadata) collect them
 * in an "additionalProperties" map. Both escape hatches are switched off here, so a misspelt
 * field fails instead of vanishing.
 */
final class OperatorModel {

    private static final ObjectMapper STRICT =
            new ObjectMapper(new YAMLFactory())
                    .setAnnotationIntrospector(new DeclaredFieldsOnly())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OperatorModel() {}

    /**
     * The resource as the operator's model.
     *
     * @throws IllegalArgumentException naming the first field the model does not know
     */
    static FlinkDeployment flinkDeployment(JsonNode resource) {
        return STRICT.convertValue(resource, FlinkDeployment.class);
    }

    private static final class DeclaredFieldsOnly extends JacksonAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
            return super.findPropertyIgnoralByName(config, annotated).withoutIgnoreUnknown();
        }

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
