package ganstudio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeBuildTest {

    @TempDir
    Path tmp;

    @Test
    void theDefaultBuildCarriesTheCpuNativesOnly() {
        NativeBuild b = NativeBuild.current();
        assertEquals(List.of("cpu"), b.flavors());
        assertNull(b.cudaFlavor());
    }

    @Test
    void aCudaBuildIsToldByItsSecondNativeJar() throws IOException {
        URL cpu = folderWith("cpu", "version=2.5.1-20241113\nflavor=cpu\nclassifier=linux-x86_64\n");
        URL cuda = folderWith("cu", "version=2.5.1-20241113\nflavor=cu124\nclassifier=linux-x86_64\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {cpu, cuda}, null)) {
            NativeBuild b = NativeBuild.of(loader);
            assertEquals(List.of("cpu", "cu124"), b.flavors());
            assertEquals("cu124", b.cudaFlavor());
        }
    }

    private URL folderWith(String name, String properties) throws IOException {
        Path root = tmp.resolve(name);
        Path file = root.resolve(NativeBuild.PROPERTIES);
        Files.createDirectories(file.getParent());
        Files.writeString(file, properties);
        return root.toUri().toURL();
    }
}
