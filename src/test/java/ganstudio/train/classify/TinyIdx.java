package ganstudio.train.classify;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes a small labelled IDX data set: class k is a bright bar in row band k of a dark 28x28 image, plus noise. */
public final class TinyIdx {

    private TinyIdx() {}

    public static void write(Path dir, String split, int count, int classes, long seed) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        int band = 28 / classes;
        for (int i = 0; i < count; i++) {
            int k = i % classes;
            labels[i] = (byte) k;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = r.nextInt(60);
                    if (y >= k * band && y < (k + 1) * band && x > 4 && x < 24) {
                        v = 180 + r.nextInt(70);
                    }
                    pixels[i * 784 + y * 28 + x] = (byte) v;
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(split
                + "-images-idx3-ubyte")))) {
            out.writeInt(0x803);
            out.writeInt(count);
            out.writeInt(28);
            out.writeInt(28);
            out.write(pixels);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(split
                + "-labels-idx1-ubyte")))) {
            out.writeInt(0x801);
            out.writeInt(count);
            out.write(labels);
        }
    }
}
