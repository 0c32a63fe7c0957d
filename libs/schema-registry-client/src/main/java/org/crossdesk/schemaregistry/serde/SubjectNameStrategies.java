package org.crossdesk.schemaregistry.serde;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/** Resolves a strategy setting: Confluent's class names map onto ours, so configuration files carry over. */
final class SubjectNameStrategies {

    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private static final Map<String, Supplier<SubjectNameStrategy>> BUILT_IN = Map.of(
            "TopicNameStrategy", TopicNameStrategy::new,
            "RecordNameStrategy", RecordNameStrategy::new,
            "TopicRecordNameStrategy", TopicRecordNameStrategy::new);

    private SubjectNameStrategies() {}

    static SubjectNameStrategy resolve(String key, Object setting, Map<String, ?> configs) {
        SubjectNameStrategy strategy = instantiate(key, setting);
        strategy.configure(configs);
        return strategy;
    }

    private static SubjectNameStrategy instantiate(String key, Object setting) {
        if (setting == null || (setting instanceof String s && s.isBlank())) {
            return new TopicNameStrategy();
        }
        if (setting instanceof SubjectNameStrategy instance) {
            return instance;
        }
        String name =
                setting instanceof Class<?> c ? c.getName() : setting.toString().trim();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        boolean ours = name.equals(simple)
                || name.startsWith(CONFLUENT_PACKAGE)
                || name.startsWith(SubjectNameStrategies.class.getPackageName() + ".");
        if (ours && BUILT_IN.containsKey(simple)) {
            return BUILT_IN.get(simple).get();
        }
        try {
            Class<?> type = Class.forName(name, true, classLoader());
            if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
                throw new ConfigException(key, name, "Not a " + SubjectNameStrategy.class.getName() + supported());
            }
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, name, "Unknown subject name strategy" + supported());
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new ConfigException(key, name, "Cannot instantiate: " + cause);
        }
    }

    private static String supported() {
        return ". Supported: TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy (short names, "
                + CONFLUENT_PACKAGE + "* or " + SubjectNameStrategies.class.getPackageName()
                + ".*), or a class implementing " + SubjectNameStrategy.class.getName();
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SubjectNameStrategies.class.getClassLoader();
    }
}
