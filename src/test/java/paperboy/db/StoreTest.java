package paperboy.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once against a fresh SQLite file and once against a fresh PostgreSQL schema;
 * it takes the migrated {@link Database} as a parameter. See {@link TestStores} for where the
 * stores come from and when the PostgreSQL run is skipped.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(TestStores.class)
public @interface StoreTest {}
