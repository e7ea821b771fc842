package dev.ssokit.conformance;

import io.cucumber.core.backend.ObjectFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constructor injection for the glue, like PicoContainer's, plus one thing Pico cannot do: hand every scenario
 * the run's {@link RunContext}. Glue and everything it asks for are made fresh per scenario; AutoCloseable ones
 * are closed when the scenario ends. Under the JUnit Platform engine the run context comes from
 * {@link KitConfig#fromSystem()}; the CLI and the meta-run pass their own.
 */
public final class KitObjectFactory implements ObjectFactory {
    private final RunContext run;
    private final Map<Class<?>, Object> scenarioInstances = new LinkedHashMap<>();

    public KitObjectFactory() {
        this(RunContext.owningWorld(KitConfig.fromSystem()));
        Runtime.getRuntime().addShutdownHook(new Thread(run::close, "stub-world-shutdown"));
    }

    public KitObjectFactory(RunContext run) {
        this.run = run;
    }

    @Override
    public void start() {
        scenarioInstances.clear();
    }

    @Override
    public void stop() {
        List<Object> made = new ArrayList<>(scenarioInstances.values());
        scenarioInstances.clear();
        for (int i = made.size() - 1; i >= 0; i--) {
            if (made.get(i) instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Closing " + made.get(i).getClass().getSimpleName()
                            + " after the scenario failed: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public boolean addClass(Class<?> glueClass) {
        return true;
    }

    @Override
    public <T> T getInstance(Class<T> type) {
        if (type == RunContext.class) {
            return type.cast(run);
        }
        Object existing = scenarioInstances.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T made = construct(type);
        scenarioInstances.put(type, made);
        return made;
    }

    private <T> T construct(Class<T> type) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(type.getName() + " needs exactly one public constructor for injection");
        }
        Constructor<?> constructor = constructors[0];
        Object[] arguments = new Object[constructor.getParameterCount()];
        Class<?>[] parameterTypes = constructor.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = getInstance(parameterTypes[i]);
        }
        try {
            return type.cast(constructor.newInstance(arguments));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Creating " + type.getSimpleName() + " failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName() + ": " + e.getMessage(), e);
        }
    }
}
