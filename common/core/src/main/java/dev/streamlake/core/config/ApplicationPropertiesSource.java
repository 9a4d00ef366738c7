package dev.streamlake.core.config;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;

/**
 * Managed Service for Apache Flink's runtime properties: property groups, each a group id and
 * a map of keys. Injectable so tests can read a JSON file of their own.
 */
@FunctionalInterface
public interface ApplicationPropertiesSource {

    /** Where the service puts the application's properties on its task managers. */
    String MSF_PROPERTIES_FILE = "/etc/flink/application_properties.json";

    /** The property groups by group id; empty when there are none. */
    Map<String, Properties> load() throws IOException;

    /** The service's own file; outside the service there is none and no group is read. */
    static ApplicationPropertiesSource msfRuntime() {
        return KinesisAnalyticsRuntime::getApplicationProperties;
    }

    /** A file in the service's JSON form: {@code [{"PropertyGroupId":..,"PropertyMap":{..}}]}. */
    static ApplicationPropertiesSource fromFile(String path) {
        return () -> KinesisAnalyticsRuntime.getApplicationProperties(path);
    }

    /** No property groups, for runs outside the service that must ignore any file. */
    static ApplicationPropertiesSource none() {
        return Map::of;
    }
}
