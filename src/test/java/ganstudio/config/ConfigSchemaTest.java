package ganstudio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Each key is declared once, as a typed constant, and the schema's index is built from those constants. */
class ConfigSchemaTest {

    @Test
    void everyTypedConstantIsTheSchemasKeyOfItsName() throws Exception {
        Set<String> names = new HashSet<>();
        int constants = 0;
        for (Class<?> holder : new Class<?>[] {ConfigSchema.class, ClassifierKeys.class}) {
            for (Field f : holder.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigKey.class) {
                    ConfigKey<?> key = (ConfigKey<?>) f.get(null);
                    assertSame(key, ConfigSchema.find(key.getName()), f.getName());
                    assertEquals(true, names.add(key.getName()), key.getName() + " declared twice");
                    constants++;
                }
            }
        }
        // The optimizer keys of optG and optD (11 each) are declared per prefix, not as constants.
        assertEquals(ConfigSchema.keys().size(), constants + 22);
    }

    @Test
    void aTypedReadReturnsTheKeysValueAndTheDefaultOtherwise() {
        RunConfig c = RunConfig.defaults().withValue("steps", 123).withValue("tricks.smoothReal", 0.25);
        assertEquals(123, c.getInt(ConfigSchema.STEPS));
        assertEquals(0.25, c.getDouble(ConfigSchema.TRICKS_SMOOTH_REAL), 0);
        assertEquals(10, c.getInt(ClassifierKeys.CLS_EPOCHS));
        assertEquals("nsgan", c.getString(ConfigSchema.OBJECTIVE_KIND));
        assertEquals(false, c.getBool(ConfigSchema.OBJECTIVE_BURST));
    }

    @Test
    void aDefaultOutsideItsOwnRangeIsRefusedWhenTheKeyIsBuilt() {
        UserError e = assertThrows(UserError.class, () -> ConfigKey.intKey("x.y").setDefault(5).optRange(0, 3).build());
        assertEquals("x.y = 5 is not allowed: expected an integer in [0, 3]", e.getMessage());
    }
}
