package ganstudio.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Which PyTorch native builds this jar carries, read from the {@code native/lib/pytorch.properties} of each native
 * jar on the class path (what DJL itself chooses from). The CUDA build carries the CPU natives too, so a machine
 * without a GPU trains on the CPU; this is how the program knows to say so.
 */
public final class NativeBuild {

    static final String PROPERTIES = "native/lib/pytorch.properties";

    private final List<String> flavors;

    private NativeBuild(List<String> flavors) {
        this.flavors = List.copyOf(flavors);
    }

    /** The natives on this program's class path (read once: the class path does not change). */
    public static NativeBuild current() {
        return Current.BUILD;
    }

    private static final class Current {
        static final NativeBuild BUILD = of(NativeBuild.class.getClassLoader());
    }

    static NativeBuild of(ClassLoader loader) {
        List<String> flavors = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(PROPERTIES))) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                String flavor = p.getProperty("flavor");
                if (flavor != null && !flavor.isBlank()) {
                    flavors.add(flavor.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROPERTIES + " from the class path", e);
        }
        return new NativeBuild(flavors);
    }

    /** e.g. [cpu] for the default build, [cpu, cu124] for the CUDA one (class path order). */
    public List<String> flavors() {
        return flavors;
    }

    /** The CUDA flavor carried (cu124), or null for a CPU-only build. */
    public String cudaFlavor() {
        return flavors.stream().filter(f -> f.startsWith("cu")).findFirst().orElse(null);
    }
}
