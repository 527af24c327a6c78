package ganstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ganstudio.train.classify.TinyIdx;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bench --conv-check`: the convolutions of one step of an image GAN, each checked against the matrix product. */
class ConvCheckCommandTest {

    @Test
    void listsAndChecksTheConvolutionsOfAnImageGan(@TempDir Path tmp) throws Exception {
        TinyIdx.write(tmp, "train", 64, 4, 1);
        CliRun check = CliRun.of("bench", "--conv-check", "--preset", "fashion-dcgan", "--set", "data.kind=mnist",
                "--set", "data.path=" + tmp, "--set", "model.gWidth=16", "--set", "model.dWidth=16", "--set",
                "batchSize=8", "--calls", "2", "--threads", "1");
        String text = check.out();
        assertEquals(0, check.code(), text + check.err());
        // The critic's first layer (its batch norm sees real and generated batches apart: 8 each), checked twice.
        assertTrue(text.contains("1->16 k4 s2 p1 on (8, 1, 28, 28)\t2 calls\t0 wrong\t0 not finite"), text);
        assertTrue(text.contains("16->32 k4 s2 p1 on (8, 16, 14, 14)\t2 calls\t0 wrong\t0 not finite"), text);
        // The generator's last layer has 4 phase filters per channel: the matrix path, not checked.
        assertTrue(text.contains("16->4 k2 s1 p1 on (8, 16, 14, 14)\tpatches x matrix (fewer than 16 filters): not "
                + "checked"), text);
        assertTrue(text.endsWith("all oneDNN convolutions of fashion-dcgan agree with the matrix product\n"), text);
    }
}
